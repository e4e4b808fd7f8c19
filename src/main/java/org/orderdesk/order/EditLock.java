package org.orderdesk.order;

import java.time.Instant;
import org.orderdesk.lock.LockHolder;
import org.orderdesk.lock.ResourceId;
import org.orderdesk.lock.SessionLockRegistry;

/**
 * One editor's hold of an order's lock: who (with the editor's holder key), the fencing token its
 * saves carry, when the lease ends, and the HTTP session it belongs to.
 */
public record EditLock(long orderId, LockHolder holder, long token, Instant expiresAt, String sessionId) {

    public ResourceId resource() {
        return ResourceId.order(orderId);
    }

    public EditLock withExpiry(Instant newExpiresAt) {
        return new EditLock(orderId, holder, token, newExpiresAt, sessionId);
    }

    SessionLockRegistry.HeldLock held() {
        return new SessionLockRegistry.HeldLock(resource(), holder.holderKey(), token);
    }
}
