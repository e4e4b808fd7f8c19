package org.orderdesk.order;

import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.orderdesk.lock.WaitingLines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Notify me when free", per HTTP session: the orders each session waits for, so that lock events
 * about them are told quickly on the thread that commits them, and which reservations its tabs
 * were told of, so that each is told once, in the first tab that claims it. The line itself, and
 * its order, is in the lock store ({@link WaitingLines}), shared by every node; this is only what
 * the node serving the session remembers of it. When the session ends (logout, timeout), the clerk
 * leaves every line they joined from it and gives up the reservations it got.
 */
@Component
public class FreeNotices implements HttpSessionListener, HttpSessionIdListener {

    private static final Logger log = LoggerFactory.getLogger(FreeNotices.class);

    /** A clerk waits for the lock on this order to be free. */
    public record Wait(long orderId, String orderNumber) {}

    private final Map<String, Map<Long, Wait>> bySession = new ConcurrentHashMap<>();
    /** The notices about reservations told in each session, such as "turn 9". */
    private final Map<String, Set<String>> toldTurns = new ConcurrentHashMap<>();

    private final WaitingLines lines;

    FreeNotices(WaitingLines lines) {
        this.lines = lines;
    }

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

    /** Takes the telling of {@code notice} (about a reservation) for the session: true for its first tab only. */
    public boolean claimOnce(String sessionId, String notice) {
        return toldTurns
                .computeIfAbsent(sessionId, id -> ConcurrentHashMap.newKeySet())
                .add(notice);
    }

    /** How many notices are pending in all sessions; for tests and diagnostics. */
    public int size() {
        return bySession.values().stream().mapToInt(Map::size).sum();
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        String sessionId = event.getSession().getId();
        bySession.remove(sessionId);
        toldTurns.remove(sessionId);
        try {
            lines.leaveAll(WaiterKeys.of(sessionId));
        } catch (RuntimeException e) {
            // The places stay until their turn comes: each reservation then lapses unused.
            log.warn("Could not take an ended session out of its waiting lines", e);
        }
    }

    /** Signing in again in the same browser gives the session a new id (against session fixation). */
    @Override
    public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {
        String newSessionId = event.getSession().getId();
        var kept = bySession.remove(oldSessionId);
        if (kept != null) {
            bySession.put(newSessionId, kept);
        }
        var told = toldTurns.remove(oldSessionId);
        if (told != null) {
            toldTurns.put(newSessionId, told);
        }
        lines.rekey(WaiterKeys.of(oldSessionId), WaiterKeys.of(newSessionId));
    }
}
