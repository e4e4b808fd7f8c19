package org.orderdesk.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orderdesk.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Another site cannot sign a clerk's browser in to an account of its choosing (login CSRF): the
 * login form's POST needs the CSRF token of the login page it came from.
 */
@IntegrationTest
class LoginCsrfTest {

    @Autowired
    WebApplicationContext context;

    private MockMvc http;

    @BeforeEach
    void browser() {
        http = MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build();
    }

    @Test
    void aLoginPostWithoutTheTokenIsRefusedAndSignsNobodyIn() throws Exception {
        http.perform(login("carol", "carol")).andExpect(status().isForbidden()).andExpect(unauthenticated());
    }

    @Test
    void aLoginPostWithAWrongTokenIsRefusedAndSignsNobodyIn() throws Exception {
        http.perform(login("carol", "carol").with(csrf().useInvalidToken()))
                .andExpect(status().isForbidden())
                .andExpect(unauthenticated());
    }

    @Test
    void theLoginFormsPostWithTheTokenSignsIn() throws Exception {
        http.perform(login("carol", "carol").with(csrf()))
                .andExpect(redirectedUrl("/"))
                .andExpect(authenticated().withUsername("carol"));
    }

    private static MockHttpServletRequestBuilder login(String username, String password) {
        return post("/login").param("username", username).param("password", password);
    }
}
