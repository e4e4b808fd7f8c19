package org.orderdesk.lock.web;

import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.orderdesk.lock.LockService;
import org.orderdesk.lock.SessionLockRegistry;
import org.springframework.stereotype.Component;

/**
 * The edit locks each HTTP session holds. A tab-close beacon may release only a lock that its own
 * session holds under the holder key and token it names; when a session ends (logout, timeout)
 * its locks are released at once instead of lapsing a lease later.
 */
@Component
public class SessionLocks implements SessionLockRegistry, HttpSessionListener, HttpSessionIdListener {

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

    /** Signing in again in the same browser gives the session a new id (against session fixation). */
    @Override
    public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {
        var kept = bySession.remove(oldSessionId);
        if (kept != null) {
            bySession.put(event.getSession().getId(), kept);
        }
    }
}
