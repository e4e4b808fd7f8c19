package org.orderdesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orderdesk.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Logging out is a POST to {@code /logout} with the session's CSRF token, handled by Spring
 * Security's logout filter; a page load of {@code /logout} only offers it (see {@code
 * LogoutBrowserIT}).
 */
@IntegrationTest
class LogoutTest {

    @Autowired
    WebApplicationContext context;

    private MockMvc http;
    private MockHttpSession alicesSession;

    @BeforeEach
    void aliceIsSignedIn() {
        http = MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build();
        alicesSession = new MockHttpSession();
    }

    @Test
    void aPostWithTheTokenEndsTheSessionAndGoesToTheLogin() throws Exception {
        http.perform(post("/logout").session(alicesSession).with(user("alice")).with(csrf()))
                .andExpect(redirectedUrl("/login"));

        assertThat(alicesSession.isInvalid()).isTrue();
    }

    @Test
    void aPostWithoutTheTokenIsRefusedAndTheSessionGoesOn() throws Exception {
        http.perform(post("/logout").session(alicesSession).with(user("alice"))).andExpect(status().isForbidden());

        assertThat(alicesSession.isInvalid()).isFalse();
    }
}
