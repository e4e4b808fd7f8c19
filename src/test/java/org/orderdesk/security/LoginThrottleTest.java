package org.orderdesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orderdesk.IntegrationTest;
import org.orderdesk.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Guessing passwords through the login form stops after a few tries: per username (5 failures)
 * and per client address (20), for 15 minutes, whether or not the username exists. Each attempt
 * is a fresh browser without a session, as a guessing script would be.
 */
@IntegrationTest
class LoginThrottleTest {

    private static final String WRONG = "Bad credentials";
    private static final String USERNAME_LOCKED =
            "Too many failed sign-ins for this username. Try again in 15 minutes.";
    private static final String ADDRESS_LOCKED =
            "Too many failed sign-ins from your network address. Try again in 15 minutes.";

    @Autowired
    WebApplicationContext context;

    @Autowired
    TestClock clock;

    private MockMvc http;

    @BeforeEach
    void browser() {
        http = MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build();
    }

    /** Other tests share this application: let every failure made here run out. */
    @AfterEach
    void letTheLocksRunOut() {
        clock.advance(Duration.ofMinutes(16));
    }

    @Test
    void fiveWrongPasswordsThenTheRightOneIsRefusedWithTheMessage() throws Exception {
        List<Attempt> wrong = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            wrong.add(signIn("alice", "guess-" + i, "10.0.1.1"));
        }

        assertThat(wrong.subList(0, 4)).containsOnly(Attempt.refused(WRONG));
        assertThat(wrong.get(4)).as("the fifth failure").isEqualTo(Attempt.refused(USERNAME_LOCKED));
        assertThat(signIn("alice", "alice", "10.0.1.1")).isEqualTo(Attempt.refused(USERNAME_LOCKED));
        assertThat(signIn("alice", "alice", "10.0.1.2"))
                .as("from another address too: the username is what is locked")
                .isEqualTo(Attempt.refused(USERNAME_LOCKED));
    }

    @Test
    void fifteenMinutesAfterTheLockTheRightPasswordWorks() throws Exception {
        for (int i = 0; i < 5; i++) {
            signIn("bob", "guess-" + i, "10.0.2.1");
        }

        clock.advance(Duration.ofMinutes(14).plusSeconds(1));
        assertThat(signIn("bob", "bob", "10.0.2.1"))
                .isEqualTo(Attempt.refused("Too many failed sign-ins for this username. Try again in 1 minute."));

        clock.advance(Duration.ofSeconds(59));
        assertThat(signIn("bob", "bob", "10.0.2.1")).isEqualTo(Attempt.SIGNED_IN);
    }

    @Test
    void anUnknownUsernameGetsExactlyWhatAKnownOneGets() throws Exception {
        for (int i = 0; i < 7; i++) {
            Attempt known = signIn("carol", "guess-" + i, "10.0.3.1");
            Attempt unknown = signIn("carola", "guess-" + i, "10.0.3.2");

            assertThat(unknown).as("attempt %d", i + 1).isEqualTo(known);
        }
        assertThat(signIn("carola", "guess-7", "10.0.3.2")).isEqualTo(Attempt.refused(USERNAME_LOCKED));
    }

    @Test
    void aSuccessResetsTheUsernamesCount() throws Exception {
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 4; i++) {
                assertThat(signIn("sam", "guess-" + i, "10.0.4.1")).isEqualTo(Attempt.refused(WRONG));
            }
            assertThat(signIn("sam", "sam", "10.0.4.1"))
                    .as("round %d", round + 1)
                    .isEqualTo(Attempt.SIGNED_IN);
        }
    }

    @Test
    void twentyFailuresFromOneAddressAcrossManyUsernamesLockThatAddress() throws Exception {
        List<Attempt> guesses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            guesses.add(signIn("user-" + i, "guess", "10.0.5.1"));
        }

        assertThat(guesses.subList(0, 19)).containsOnly(Attempt.refused(WRONG));
        assertThat(guesses.get(19)).isEqualTo(Attempt.refused(ADDRESS_LOCKED));
        assertThat(signIn("alice", "alice", "10.0.5.1"))
                .as("even the right password, from that address")
                .isEqualTo(Attempt.refused(ADDRESS_LOCKED));
        assertThat(signIn("alice", "alice", "10.0.5.2")).isEqualTo(Attempt.SIGNED_IN);
    }

    /** What a browser posting the login form from {@code address} ends up with. */
    private Attempt signIn(String username, String password, String address) throws Exception {
        MvcResult result = http.perform(post("/login")
                        .param("username", username)
                        .param("password", password)
                        .with(csrf())
                        .with(request -> {
                            request.setRemoteAddr(address);
                            return request;
                        }))
                .andReturn();
        MockHttpServletResponse response = result.getResponse();
        var session = result.getRequest().getSession(false);
        boolean signedIn = session != null
                && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                        instanceof SecurityContext security
                && security.getAuthentication() != null;
        if (signedIn) {
            return Attempt.SIGNED_IN;
        }
        assertThat(response.getRedirectedUrl())
                .as("a refused sign-in goes back to the login")
                .isEqualTo("/login?error");
        Object error = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        return Attempt.refused(error instanceof AuthenticationException refusal ? refusal.getMessage() : null);
    }

    /** Signed in, or refused with the message the login page shows. */
    private record Attempt(boolean signedIn, @Nullable String message) {

        static final Attempt SIGNED_IN = new Attempt(true, null);

        static Attempt refused(@Nullable String message) {
            return new Attempt(false, message);
        }
    }
}
