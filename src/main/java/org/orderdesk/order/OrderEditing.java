package org.orderdesk.order;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.orderdesk.lock.AcquireOutcome;
import org.orderdesk.lock.LockHolder;
import org.orderdesk.lock.LockInfo;
import org.orderdesk.lock.LockLoss;
import org.orderdesk.lock.LockLostException;
import org.orderdesk.lock.LockProperties;
import org.orderdesk.lock.LockService;
import org.orderdesk.lock.RenewOutcome;
import org.orderdesk.lock.ResourceId;
import org.orderdesk.lock.SessionLockRegistry;
import org.orderdesk.security.AppUserDetails;
import org.orderdesk.security.Role;
import org.orderdesk.security.SignedInUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Service;

/**
 * The order editor's one service: opens an order under its edit lock, keeps the lock alive,
 * saves fenced by it, gets it back after a loss, and gives it up. Every lock an editor holds is
 * registered with its HTTP session, so that a tab-close beacon or the end of the session can
 * release it.
 */
@Service
public class OrderEditing {

    private static final Logger log = LoggerFactory.getLogger(OrderEditing.class);

    private final OrderService orders;
    private final LockService locks;
    private final SessionLockRegistry sessionLocks;
    private final LockProperties settings;
    private final SignedInUser signedIn;
    private final Clock clock;

    OrderEditing(
            OrderService orders,
            LockService locks,
            SessionLockRegistry sessionLocks,
            LockProperties settings,
            SignedInUser signedIn,
            Clock clock) {
        this.orders = orders;
        this.locks = locks;
        this.sessionLocks = sessionLocks;
        this.settings = settings;
        this.signedIn = signedIn;
        this.clock = clock;
    }

    /** Acquires the order's lock and, once it is held, loads the order under it. */
    public EditStart open(long orderId, LockHolder holder, String sessionId) {
        // Only the number before the lock is held: the order itself is loaded once, under the lock.
        Optional<String> orderNumber = orders.orderNumberOf(orderId);
        if (orderNumber.isEmpty()) {
            return new EditStart.NotFound();
        }
        AcquireOutcome outcome = locks.acquire(ResourceId.order(orderId), holder);
        return started(orderNumber.get(), orderId, outcome, holder, sessionId);
    }

    /**
     * Moves editing to this editor: takes the lock over from the same clerk's other tab. Says who
     * holds it instead when another clerk took it meanwhile.
     */
    public EditStart moveHere(long orderId, String orderNumber, LockHolder holder, String sessionId) {
        AcquireOutcome outcome = locks.moveHere(ResourceId.order(orderId), holder);
        return started(orderNumber, orderId, outcome, holder, sessionId);
    }

    /**
     * A supervisor takes the order over from the hold of {@code token}, the one they saw, giving a
     * reason; the holder is told by whom and why, and keeps their draft. If the lock changed hands
     * meanwhile, the answer says who holds it now. The supervisor is the signed-in user, not a
     * caller's word, and the lock engine checks the role again.
     *
     * @throws AccessDeniedException when the signed-in user is not a supervisor
     * @throws IllegalArgumentException when the reason is blank or too long
     */
    public EditStart takeOver(long orderId, long token, String holderKey, String reason, String sessionId) {
        AppUserDetails user = signedIn.require();
        if (!user.getAuthorities().contains(new SimpleGrantedAuthority(Role.SUPERVISOR.authority()))) {
            throw new AccessDeniedException(user.getDisplayName() + " may not take over orders: only supervisors may");
        }
        Optional<String> orderNumber = orders.orderNumberOf(orderId);
        if (orderNumber.isEmpty()) {
            return new EditStart.NotFound();
        }
        LockHolder supervisor = new LockHolder(user.getUsername(), user.getDisplayName(), holderKey);
        AcquireOutcome outcome = locks.takeOver(ResourceId.order(orderId), token, supervisor, reason);
        return started(orderNumber.get(), orderId, outcome, supervisor, sessionId);
    }

    /**
     * Takes the lock again after it was lost, for the draft loaded at {@code loadedVersion}.
     *
     * @return {@link EditStart.Editing} when the lock was free and the order is unchanged
     * @throws OrderChangedException when someone saved the order meanwhile (the lock is let go)
     */
    public EditStart reacquire(EditLock lost, long loadedVersion) {
        EditStart start = open(lost.orderId(), lost.holder(), lost.sessionId());
        if (start instanceof EditStart.Editing editing && editing.order().getVersion() != loadedVersion) {
            release(editing.lock());
            throw OrderChangedException.of(editing.order());
        }
        return start;
    }

    /**
     * The limits on the renewals of a hold that begins now; ask it before each {@link #renew}, so
     * that renewals the clerk's activity does not call for never reach the database.
     */
    public RenewalGate renewalGate() {
        return new RenewalGate(clock, settings);
    }

    /** Extends the lease when {@code lock}'s holder key and token still hold it. */
    public RenewOutcome renew(EditLock lock) {
        return locks.renew(lock.resource(), lock.holder().holderKey(), lock.token());
    }

    public void release(EditLock lock) {
        sessionLocks.forget(lock.sessionId(), lock.held());
        locks.release(lock.resource(), lock.holder().holderKey(), lock.token());
    }

    /**
     * Saves the draft, fenced by the lock. Every failure comes back as one of the exceptions below,
     * each with a message for the clerk; an unexpected one is logged here, once, with its cause.
     *
     * @throws LockLostException when the lock is no longer held
     * @throws OrderChangedException when someone saved the order after it was loaded
     * @throws InvalidOrderException when the server refuses values, saying which
     * @throws SaveFailedException when the database did not answer or anything else went wrong
     */
    public Order save(EditLock lock, long loadedVersion, OrderDraft draft) {
        try {
            return orders.save(lock.orderId(), loadedVersion, draft, lock.token());
        } catch (LockLostException | OrderChangedException | InvalidOrderException expected) {
            throw expected;
        } catch (RuntimeException unexpected) {
            SaveFailedException failed = SaveFailedException.of(unexpected);
            log.error(
                    "Could not save order {} for {} (reference {})",
                    lock.orderId(),
                    lock.holder().username(),
                    failed.reference(),
                    unexpected);
            throw failed;
        }
    }

    /** How {@code lock} was lost; empty while it is still held. */
    public Optional<LockLoss> lossOf(EditLock lock) {
        return locks.lossOf(lock.resource(), lock.token());
    }

    public Optional<LockInfo> currentLock(long orderId) {
        return locks.find(ResourceId.order(orderId));
    }

    public Optional<Order> findWithLines(long orderId) {
        return orders.findWithLines(orderId);
    }

    public Duration remaining(EditLock lock) {
        Duration left = Duration.between(clock.instant(), lock.expiresAt());
        return left.isNegative() ? Duration.ZERO : left;
    }

    public LockProperties settings() {
        return settings;
    }

    private EditStart started(
            String orderNumber, long orderId, AcquireOutcome outcome, LockHolder holder, String sessionId) {
        return switch (outcome) {
            case AcquireOutcome.Acquired acquired ->
                editing(new EditLock(orderId, holder, acquired.token(), acquired.expiresAt(), sessionId));
            case AcquireOutcome.HeldByOther other ->
                new EditStart.LockedByOther(orderNumber, other.holder(), other.since(), other.until());
            case AcquireOutcome.HeldBySameUser sameUser ->
                new EditStart.OpenInOtherTab(orderNumber, sameUser.since(), sameUser.until());
        };
    }

    /** Loads the order under the lock just taken, then registers the lock with its session. */
    private EditStart editing(EditLock lock) {
        Optional<Order> order = orders.findWithLines(lock.orderId());
        if (order.isEmpty()) {
            locks.release(lock.resource(), lock.holder().holderKey(), lock.token());
            return new EditStart.NotFound();
        }
        sessionLocks.hold(lock.sessionId(), lock.held());
        return new EditStart.Editing(lock, order.get());
    }
}
