package org.orderdesk.order;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.orderdesk.event.Subscription;
import org.orderdesk.lock.LockInfo;
import org.orderdesk.lock.LockService;
import org.orderdesk.lock.LockUser;
import org.orderdesk.lock.ReleaseRequest;
import org.orderdesk.lock.ReleaseRequests;
import org.orderdesk.lock.ResourceId;
import org.orderdesk.lock.SessionLockRegistry;
import org.orderdesk.security.AppUserDetails;
import org.orderdesk.security.SignedInUser;
import org.springframework.stereotype.Service;

/**
 * Order locks as the other clerks see them: who edits which order until when, who else is
 * looking, and what a clerk waiting for an order can do (be told when it is free, ask the holder
 * to release it). Acting users are taken from the signed-in request, never from the caller.
 */
@Service
public class OrderLockBoard {

    private final LockService locks;
    private final ReleaseRequests releaseRequests;
    private final OrderService orders;
    private final FreeNotices freeNotices;
    private final OrderPresence presence;
    private final SessionLockRegistry sessionLocks;
    private final SignedInUser signedIn;

    OrderLockBoard(
            LockService locks,
            ReleaseRequests releaseRequests,
            OrderService orders,
            FreeNotices freeNotices,
            OrderPresence presence,
            SessionLockRegistry sessionLocks,
            SignedInUser signedIn) {
        this.locks = locks;
        this.releaseRequests = releaseRequests;
        this.orders = orders;
        this.freeNotices = freeNotices;
        this.presence = presence;
        this.sessionLocks = sessionLocks;
        this.signedIn = signedIn;
    }

    /** The live locks now; views keep them current in a {@link org.orderdesk.lock.LockTable} with lock events. */
    public List<LockInfo> currentLocks() {
        return locks.currentLocks();
    }

    public Optional<LockInfo> currentLock(long orderId) {
        return locks.find(ResourceId.order(orderId));
    }

    public Optional<String> orderNumberOf(long orderId) {
        return orders.orderNumberOf(orderId);
    }

    public Optional<Order> findWithLines(long orderId) {
        return orders.findWithLines(orderId);
    }

    /** Whether {@code lock} is held by an editor of this HTTP session, that is another tab of this browser. */
    public boolean isHeldInSession(LockInfo lock, String sessionId) {
        return sessionLocks.holds(sessionId, lock.holder().holderKey());
    }

    /**
     * Asks the holder of the order's lock to release it, in the signed-in user's name; when asked,
     * the asker is also told once the order is free.
     */
    public ReleaseRequest askToRelease(long orderId, String orderNumber, String sessionId) {
        AppUserDetails user = signedIn.require();
        ReleaseRequest request = releaseRequests.requestRelease(
                ResourceId.order(orderId), new LockUser(user.getUsername(), user.getDisplayName()));
        if (request instanceof ReleaseRequest.Sent) {
            notifyWhenFree(orderId, orderNumber, sessionId);
        }
        return request;
    }

    /**
     * Remembers that this session waits for the order to be free.
     *
     * @return false, and nothing is remembered, when nobody holds the order's lock now
     */
    public boolean notifyWhenFree(long orderId, String orderNumber, String sessionId) {
        if (currentLock(orderId).isEmpty()) {
            return false;
        }
        freeNotices.add(sessionId, new FreeNotices.Wait(orderId, orderNumber));
        return true;
    }

    public void stopNotifying(long orderId, String sessionId) {
        freeNotices.cancel(sessionId, orderId);
    }

    public Optional<FreeNotices.Wait> waitFor(long orderId, String sessionId) {
        return freeNotices.find(sessionId, orderId);
    }

    /** The orders this HTTP session waits for, to be told when they are free. */
    public List<FreeNotices.Wait> waitsOf(String sessionId) {
        return freeNotices.waitsOf(sessionId);
    }

    /** Takes the session's "free now" notice for the order, so that only one of its tabs shows it. */
    public Optional<FreeNotices.Wait> claimFreeNotice(long orderId, String sessionId) {
        return freeNotices.claim(sessionId, orderId);
    }

    /** Counts the signed-in user as looking at the order until the subscription is cancelled. */
    public Subscription lookAt(long orderId) {
        AppUserDetails user = signedIn.require();
        return presence.enter(orderId, new LockUser(user.getUsername(), user.getDisplayName()));
    }

    public List<LockUser> viewersOf(long orderId) {
        return presence.viewersOf(orderId);
    }

    /** Whether the order was saved since {@code shown} was loaded (or is gone). */
    public boolean changedSince(Order shown) {
        return !orders.versionOf(Objects.requireNonNull(shown.getId())).equals(Optional.of(shown.getVersion()));
    }
}
