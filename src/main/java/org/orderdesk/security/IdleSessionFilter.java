package org.orderdesk.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends an idle session ({@link IdleSessions}) on its next request, before Spring Security reads
 * it, so that this request and every later one are those of a signed-out browser. Any other
 * request than Vaadin's own traffic is the clerk's input: a page loaded, a sign-in, a logout.
 * Within a Vaadin page, input is told by {@link ClerkInputListener}.
 */
final class IdleSessionFilter extends OncePerRequestFilter {

    /** What a Vaadin tab sends: heartbeats, push, and round trips that may come of pushes or timers. */
    private static final Pattern VAADIN_TRAFFIC = Pattern.compile("(^|&)v-r=(uidl|heartbeat|push)(&|$)");

    private final IdleSessions sessions;

    IdleSessionFilter(IdleSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && !sessions.endIfIdle(session) && !isVaadinTraffic(request)) {
            sessions.inputIn(session);
        }
        chain.doFilter(request, response);
    }

    private static boolean isVaadinTraffic(HttpServletRequest request) {
        String query = request.getQueryString();
        return query != null && VAADIN_TRAFFIC.matcher(query).find();
    }
}
