package org.orderdesk.lock.web;

import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.orderdesk.lock.LockService;
import org.orderdesk.lock.SessionLockRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The edit locks each HTTP session holds. A tab-close beacon may release only a lock that its own
 * session holds under the holder key and token it names; when a session ends (logout, timeout)
 * its locks are released at once instead of lapsing a lease later.
 */
@Component
public class SessionLocks implements SessionLockRegistry, HttpSessionListener, HttpSessionIdListener {

    private static final Logger log = LoggerFactory.getLogger(SessionLocks.class);

    private final Map<String, Set<HeldLock>> bySession = new ConcurrentHashMap<>();
    private final LockService locks;

    SessionLocks(LockService locks) {
        this.locks = locks;
    }

    @Override
    public void hold(String sessionId, HeldLock lock) {
        // Inside compute: a concurrent forget of the session's last lock cannot orphan the set.
        bySession.compute(sessionId, (id, held) -> {
            Set<HeldLock> kept = held == null ? ConcurrentHashMap.newKeySet() : held;
            kept.add(lock);
            return kept;
        });
    }

    @Override
    public void forget(String sessionId, HeldLock lock) {
        bySession.computeIfPresent(sessionId, (id, held) -> {
            held.remove(lock);
            return held.isEmpty() ? null : held;
        });
    }

    /** Releases {@code lock} when this session holds it; false for anything else, forged or stale. */
    public boolean release(String sessionId, HeldLock lock) {
        Set<HeldLock> held = bySession.get(sessionId);
        if (held == null || !held.contains(lock)) {
            return false;
        }
        forget(sessionId, lock);
        return locks.release(lock.resource(), lock.holderKey(), lock.token());
    }

    @Override
    public boolean holds(String sessionId, String holderKey) {
        Set<HeldLock> held = bySession.get(sessionId);
        return held != null && held.stream().anyMatch(lock -> lock.holderKey().equals(holderKey));
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        Set<HeldLock> held = bySession.remove(event.getSession().getId());
        if (held != null) {
            held.forEach(lock -> locks.release(lock.resource(), lock.holderKey(), lock.token()));
        }
    }

    /**
     * Releases every lock that this node's sessions hold, audited as released because the node
     * stops; a lock that cannot be released now (the database is away) lapses after its lease.
     *
     * @return how many were released
     */
    public int releaseAllAsNodeStops() {
        int released = 0;
        for (String sessionId : List.copyOf(bySession.keySet())) {
            Set<HeldLock> held = bySession.remove(sessionId);
            for (HeldLock lock : held == null ? Set.<HeldLock>of() : held) {
                try {
                    if (locks.releaseAsNodeStops(lock.resource(), lock.holderKey(), lock.token())) {
                        released++;
                    }
                } catch (RuntimeException e) {
                    log.warn(
                            "Could not release {} as this node stops: it lapses after its lease ({})",
                            lock.resource(),
                            e.toString());
                }
            }
        }
        return released;
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
