package org.orderdesk.lock.web;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * When this node stops gracefully, it lets go of its clerks' locks and ends their sessions while
 * the database is still open. Left to the web server, the sessions (kept in memory only) would end
 * too late: Spring Boot stops Tomcat's web application in the very last step of closing the
 * context, after the connection pool has closed, so the session-end hooks could not release
 * anything and every lock would stay held by nobody for a lease.
 *
 * <p>Runs right after the web server stopped taking requests (its phase is just below the web
 * server's start-stop phase, and lifecycles stop from the highest phase down): first every lock of
 * the node's sessions is released, audited as {@link org.orderdesk.lock.LockService#NODE_STOPPED},
 * then each session is invalidated, so that everything else that ends with a session (waiting
 * lines, presence) ends now too. The other nodes hear all of it through the relay.
 */
@Component
class EndSessionsOnStop implements SmartLifecycle, HttpSessionListener {

    private static final Logger log = LoggerFactory.getLogger(EndSessionsOnStop.class);

    private final Set<HttpSession> live = ConcurrentHashMap.newKeySet();
    private final SessionLocks sessionLocks;
    private volatile boolean running;

    EndSessionsOnStop(SessionLocks sessionLocks) {
        this.sessionLocks = sessionLocks;
    }

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        live.add(event.getSession());
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        live.remove(event.getSession());
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        int released = sessionLocks.releaseAllAsNodeStops();
        int ended = 0;
        for (HttpSession session : List.copyOf(live)) {
            try {
                session.invalidate();
                ended++;
            } catch (IllegalStateException alreadyEnded) {
                // Ended on its own meanwhile: nothing left to do.
            } catch (RuntimeException e) {
                log.warn("A session's end hooks failed as this node stops", e);
            }
            live.remove(session);
        }
        log.info("Node stopping: released {} edit locks and ended {} sessions", released, ended);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE - 1;
    }
}
