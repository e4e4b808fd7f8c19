package org.orderdesk.order;

import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * "Notify me when free": the orders each HTTP session waits for. A notice is given once, to the
 * first tab of the session that claims it, and the session's notices end with it (logout). Kept in
 * memory on the node that serves the session; the lock events that end the waits come from every
 * node, and after a resynchronisation each tab looks again at the orders its session waits for
 * ({@link #waitsOf}), so that a release this node did not hear is still told.
 */
@Component
public class FreeNotices implements HttpSessionListener, HttpSessionIdListener {

    /** A clerk waits for the lock on this order to be free. */
    public record Wait(long orderId, String orderNumber) {}

    private final Map<String, Map<Long, Wait>> bySession = new ConcurrentHashMap<>();

    public void add(String sessionId, Wait wait) {
        bySession.compute(sessionId, (id, waits) -> {
            Map<Long, Wait> kept = waits == null ? new ConcurrentHashMap<>() : waits;
            kept.put(wait.orderId(), wait);
            return kept;
        });
    }

    public void cancel(String sessionId, long orderId) {
        bySession.computeIfPresent(sessionId, (id, waits) -> {
            waits.remove(orderId);
            return waits.isEmpty() ? null : waits;
        });
    }

    public Optional<Wait> find(String sessionId, long orderId) {
        return Optional.ofNullable(bySession.getOrDefault(sessionId, Map.of()).get(orderId));
    }

    /** Every order the session waits for, in no particular order. */
    public List<Wait> waitsOf(String sessionId) {
        return List.copyOf(bySession.getOrDefault(sessionId, Map.of()).values());
    }

    /** Takes the notice for the order; only one caller gets it. */
    public Optional<Wait> claim(String sessionId, long orderId) {
        Wait[] claimed = new Wait[1];
        bySession.computeIfPresent(sessionId, (id, waits) -> {
            claimed[0] = waits.remove(orderId);
            return waits.isEmpty() ? null : waits;
        });
        return Optional.ofNullable(claimed[0]);
    }

    /** How many notices are pending in all sessions; for tests and diagnostics. */
    public int size() {
        return bySession.values().stream().mapToInt(Map::size).sum();
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        bySession.remove(event.getSession().getId());
    }

    /** Signing in again in the same browser gives the session a new id (against session fixation). */
    @Override
    public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {
        var kept = bySession.remove(oldSessionId);
        if (kept != null) {
            bySession.put(event.getSession().getId(), kept);
        }
    }
}
