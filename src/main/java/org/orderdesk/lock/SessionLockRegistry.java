package org.orderdesk.lock;

/**
 * Which edit locks each HTTP session holds, so that another tab of the same browser can be told
 * apart from another browser, and a session's locks can be released when it ends.
 */
public interface SessionLockRegistry {

    /** One editor's hold of a lock. */
    record HeldLock(ResourceId resource, String holderKey, long token) {}

    void hold(String sessionId, HeldLock lock);

    void forget(String sessionId, HeldLock lock);

    /** Whether the editor named {@code holderKey} belongs to this session: another tab of the same browser. */
    boolean holds(String sessionId, String holderKey);
}
