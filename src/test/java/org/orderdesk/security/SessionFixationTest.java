package org.orderdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Signing in gives the browser a new session id, so that an id someone planted in a browser
 * before its clerk signed in (session fixation) is worth nothing afterwards. Real HTTP on the
 * running server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SessionFixationTest {

    @LocalServerPort
    int port;

    @Test
    void theSessionIdBeforeSigningInIsNotTheOneAfterAndTheOldOneIsNotSignedIn() {
        WebClient alice = new WebClient(port);
        alice.get("/login");
        String before = alice.sessionId().orElseThrow(() -> new AssertionError("the login page starts a session"));

        alice.signIn("alice", "alice");

        String after = alice.sessionId().orElseThrow();
        assertThat(after).isNotEqualTo(before);
        assertThat(alice.get("/orders").statusCode())
                .as("signed in under the new id")
                .isEqualTo(200);
        WebClient planted = new WebClient(port);
        planted.useSessionId(before);
        assertThat(planted.get("/orders").headers().firstValue("Location"))
                .as("the planted id leads to the login, not to Alice's orders")
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
    }
}
