package org.orderdesk.security;

import com.vaadin.flow.server.WrappedSession;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * A signed-in session lasts while its clerk works: it ends once the clerk has typed, clicked or
 * loaded a page in none of its tabs for the session's max inactive interval
 * ({@code server.servlet.session.timeout}). An open tab alone keeps nothing alive, although it
 * sends Vaadin's heartbeats and answers the pushes it gets (the grid confirms every pushed row),
 * which would keep the container's timeout and Vaadin's {@code closeIdleSessions} from ever
 * counting it idle. Ending a session is invalidating it, as the container's timeout does: its
 * locks, places in line and presence go with it, and its tabs land on the login.
 */
@Component
public class IdleSessions {

    /** Epoch milliseconds of the clerk's last input in the session. */
    static final String LAST_INPUT = IdleSessions.class.getName() + ".lastInput";

    /** Where Spring Security keeps the signed-in user of a session. */
    private static final String SIGNED_IN = HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY;

    private final Clock clock;

    IdleSessions(Clock clock) {
        this.clock = clock;
    }

    /** The clerk did something in this session just now. */
    void inputIn(HttpSession session) {
        session.setAttribute(LAST_INPUT, clock.millis());
    }

    /** As {@link #inputIn(HttpSession)}, for the session as a Vaadin UI sees it. */
    void inputIn(WrappedSession session) {
        session.setAttribute(LAST_INPUT, clock.millis());
    }

    /**
     * Ends the session if someone is signed in to it and gave no input for its max inactive
     * interval; true if it ended. A session with no input recorded yet has just begun. A login page
     * left open holds nothing, and ending its session would only reload it.
     */
    boolean endIfIdle(HttpSession session) {
        int limitSeconds = session.getMaxInactiveInterval();
        if (limitSeconds <= 0
                || session.getAttribute(SIGNED_IN) == null
                || !(session.getAttribute(LAST_INPUT) instanceof Long lastInput)) {
            return false;
        }
        if (clock.millis() - lastInput < limitSeconds * 1000L) {
            return false;
        }
        try {
            session.invalidate();
        } catch (IllegalStateException endedMeanwhile) {
            // Another request of the same session, or the container's timeout, ended it first.
        }
        return true;
    }
}
