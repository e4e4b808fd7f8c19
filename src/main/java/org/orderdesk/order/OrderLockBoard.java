package org.orderdesk.order;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.orderdesk.event.Subscription;
import org.orderdesk.lock.JoinOutcome;
import org.orderdesk.lock.LockEvent;
import org.orderdesk.lock.LockInfo;
import org.orderdesk.lock.LockService;
import org.orderdesk.lock.LockUser;
import org.orderdesk.lock.ReleaseRequest;
import org.orderdesk.lock.ReleaseRequests;
import org.orderdesk.lock.Reservation;
import org.orderdesk.lock.ResourceId;
import org.orderdesk.lock.SessionLockRegistry;
import org.orderdesk.lock.WaitingLines;
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
    private final WaitingLines lines;

    OrderLockBoard(
            LockService locks,
            WaitingLines lines,
            ReleaseRequests releaseRequests,
            OrderService orders,
            FreeNotices freeNotices,
            OrderPresence presence,
            SessionLockRegistry sessionLocks,
            SignedInUser signedIn) {
        this.locks = locks;
        this.lines = lines;
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

    /** Who has the order reserved now, if it is free and someone's turn. */
    public Optional<Reservation> currentReservation(long orderId) {
        return lines.reservation(ResourceId.order(orderId));
    }

    /** Every reservation that lasts now; views keep them current in their lock table with lock events. */
    public List<Reservation> currentReservations() {
        return lines.currentReservations();
    }

    /** {@code username}'s place in the order's waiting line (1 = next), if they wait. */
    public OptionalInt placeInLine(long orderId, String username) {
        return lines.placeOf(ResourceId.order(orderId), username);
    }

    /**
     * Asks the holder of the order's lock to release it, in the signed-in user's name; when asked,
     * the asker also joins the order's waiting line.
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
     * Puts the signed-in user in the order's waiting line, from this session: when the holder lets
     * go, the first in line gets the order reserved. The answer is their place, or that it is their
     * turn already, or that the order is free (then nothing is remembered).
     */
    public JoinOutcome notifyWhenFree(long orderId, String orderNumber, String sessionId) {
        AppUserDetails user = signedIn.require();
        JoinOutcome joined = lines.join(ResourceId.order(orderId), lockUser(user), WaiterKeys.of(sessionId));
        if (joined instanceof JoinOutcome.InLine || joined instanceof JoinOutcome.YourTurn) {
            freeNotices.add(sessionId, new FreeNotices.Wait(orderId, orderNumber));
        }
        return joined;
    }

    /** The signed-in user leaves the order's line, or gives up their reservation: the next in line gets it. */
    public void stopNotifying(long orderId, String sessionId) {
        freeNotices.cancel(sessionId, orderId);
        lines.leave(ResourceId.order(orderId), lockUser(signedIn.require()));
    }

    public Optional<FreeNotices.Wait> waitFor(long orderId, String sessionId) {
        return freeNotices.find(sessionId, orderId);
    }

    /** The orders this HTTP session waits for, to be told when they are free. */
    public List<FreeNotices.Wait> waitsOf(String sessionId) {
        return freeNotices.waitsOf(sessionId);
    }

    /** Takes the telling of a reservation for the session, so that only one of its tabs tells it. */
    public boolean claimTurnNotice(Reservation reservation, String sessionId) {
        return freeNotices.claimOnce(sessionId, "turn " + reservation.id());
    }

    /** Takes the telling of the end of a reservation for the session, so that only one of its tabs tells it. */
    public boolean claimTurnEndNotice(LockEvent.ReservationEnded ended, String sessionId) {
        return freeNotices.claimOnce(sessionId, "ended " + ended.reservation());
    }

    /** The session waits for the order again: its clerk is back in line (a supervisor took their turn). */
    public void waitAgain(long orderId, String orderNumber, String sessionId) {
        freeNotices.add(sessionId, new FreeNotices.Wait(orderId, orderNumber));
    }

    /** The session no longer waits for the order: the clerk's turn came. */
    public void forgetWait(long orderId, String sessionId) {
        freeNotices.cancel(sessionId, orderId);
    }

    /** Counts the signed-in user as looking at the order until the subscription is cancelled. */
    public Subscription lookAt(long orderId) {
        return presence.enter(orderId, lockUser(signedIn.require()));
    }

    private static LockUser lockUser(AppUserDetails user) {
        return new LockUser(user.getUsername(), user.getDisplayName());
    }

    public List<LockUser> viewersOf(long orderId) {
        return presence.viewersOf(orderId);
    }

    /** Whether the order was saved since {@code shown} was loaded (or is gone). */
    public boolean changedSince(Order shown) {
        return !orders.versionOf(Objects.requireNonNull(shown.getId())).equals(Optional.of(shown.getVersion()));
    }
}
