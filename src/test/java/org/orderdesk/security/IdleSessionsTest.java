package org.orderdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orderdesk.TestClock;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * A signed-in session lasts as long as its clerk works, whatever its open tabs send by themselves:
 * it ends on the first request after a whole max inactive interval without the clerk's input, and
 * that request goes on as a signed-out one.
 */
class IdleSessionsTest {

    private static final Duration LIMIT = Duration.ofMinutes(30);

    private final TestClock clock = new TestClock();
    private final IdleSessions sessions = new IdleSessions(clock);
    private final IdleSessionFilter filter = new IdleSessionFilter(sessions);
    private final MockHttpSession session = new MockHttpSession();

    @BeforeEach
    void aClerkSignsIn() throws Exception {
        session.setMaxInactiveInterval((int) LIMIT.toSeconds());
        send(request("POST", "/login", null));
        session.setAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, new SecurityContextImpl());
    }

    @Test
    void heartbeatsAndPushRoundTripsAloneEndTheSessionOnceTheIntervalHasPassed() throws Exception {
        for (Duration passed = Duration.ZERO;
                passed.compareTo(LIMIT.minusMinutes(1)) < 0;
                passed = passed.plusMinutes(1)) {
            clock.advance(Duration.ofMinutes(1));
            assertThat(send(request("POST", "/", "v-r=heartbeat&v-uiId=0")).getSession(false))
                    .as("heartbeat after %s", passed.plusMinutes(1))
                    .isSameAs(session);
            send(request("POST", "/", "v-r=uidl&v-uiId=0"));
        }
        assertThat(session.isInvalid()).isFalse();

        clock.advance(Duration.ofMinutes(1));
        HttpServletRequest heartbeat = send(request("POST", "/", "v-r=heartbeat&v-uiId=0"));

        assertThat(session.isInvalid()).isTrue();
        assertThat(heartbeat.getSession(false))
                .as("what the rest of the chain sees")
                .isNull();
    }

    @Test
    void theClerksInputKeepsTheSessionAlive() throws Exception {
        for (int i = 0; i < 4; i++) {
            clock.advance(LIMIT.minusMinutes(1));
            sessions.inputIn(session);
            send(request("POST", "/", "v-r=heartbeat&v-uiId=0"));
        }
        clock.advance(LIMIT.minusMinutes(1));
        send(request("GET", "/orders", null));
        clock.advance(LIMIT.minusMinutes(1));
        send(request("POST", "/", "v-r=heartbeat&v-uiId=0"));

        assertThat(session.isInvalid()).isFalse();
    }

    @Test
    void aPageLoadAfterTheIntervalFindsTheSessionEnded() throws Exception {
        clock.advance(LIMIT);

        HttpServletRequest pageLoad = send(request("GET", "/orders", null));

        assertThat(session.isInvalid()).isTrue();
        assertThat(pageLoad.getSession(false)).isNull();
    }

    @Test
    void aLoginPageLeftOpenKeepsItsSession() throws Exception {
        session.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        clock.advance(LIMIT.multipliedBy(3));

        send(request("POST", "/", "v-r=heartbeat&v-uiId=0"));

        assertThat(session.isInvalid()).isFalse();
    }

    @Test
    void aSessionWithoutALimitNeverEndsHere() throws Exception {
        session.setMaxInactiveInterval(-1);
        clock.advance(Duration.ofDays(3));

        send(request("POST", "/", "v-r=heartbeat&v-uiId=0"));

        assertThat(session.isInvalid()).isFalse();
    }

    private MockHttpServletRequest request(String method, String path, String query) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setQueryString(query);
        request.setSession(session);
        return request;
    }

    /** Runs the request through the filter; returns the request as the rest of the chain got it. */
    private HttpServletRequest send(MockHttpServletRequest request) throws Exception {
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, new MockHttpServletResponse(), chain);
        return (HttpServletRequest) chain.getRequest();
    }
}
