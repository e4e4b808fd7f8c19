package org.orderdesk.order;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.orderdesk.database.DatabaseAvailability;
import org.orderdesk.database.DatabaseFailures;
import org.orderdesk.database.DatabaseNotAnsweringException;
import org.orderdesk.lock.AcquireOutcome;
import org.orderdesk.lock.LockHolder;
import org.orderdesk.lock.LockLoss;
import org.orderdesk.lock.LockLosses;
import org.orderdesk.lock.LockLostException;
import org.orderdesk.lock.LockProperties;
import org.orderdesk.lock.LockService;
import org.orderdesk.lock.LockTakeOvers;
import org.orderdesk.lock.LockUser;
import org.orderdesk.lock.ReleaseAnswer;
import org.orderdesk.lock.ReleaseRequests;
import org.orderdesk.lock.RenewOutcome;
import org.orderdesk.lock.ResourceId;
import org.orderdesk.lock.SessionLockRegistry;
import org.orderdesk.order.validation.ShortMessage;
import org.orderdesk.security.AppUserDetails;
import org.orderdesk.security.SignedInUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The order editor's one service: opens an order under its edit lock, keeps the lock alive,
 * saves fenced by it, gets it back after a loss, and gives it up. Every lock an editor holds is
 * registered with its HTTP session, so that a tab-close beacon or the end of the session can
 * release it. A step the database did not answer fails as {@link DatabaseNotAnsweringException}
 * (a save as a {@link SaveFailedException} saying so), and {@link DatabaseAvailability} is told at
 * once.
 */
@Service
public class OrderEditing implements EditOperations {

    private static final Logger log = LoggerFactory.getLogger(OrderEditing.class);

    private final OrderService orders;
    private final LockService locks;
    private final LockTakeOvers takeOvers;
    private final LockLosses losses;
    private final ReleaseRequests releaseRequests;
    private final SessionLockRegistry sessionLocks;
    private final LockProperties settings;
    private final SignedInUser signedIn;
    private final DatabaseAvailability database;
    private final Clock clock;

    OrderEditing(
            OrderService orders,
            LockService locks,
            LockTakeOvers takeOvers,
            LockLosses losses,
            ReleaseRequests releaseRequests,
            SessionLockRegistry sessionLocks,
            LockProperties settings,
            SignedInUser signedIn,
            DatabaseAvailability database,
            Clock clock) {
        this.orders = orders;
        this.locks = locks;
        this.takeOvers = takeOvers;
        this.losses = losses;
        this.releaseRequests = releaseRequests;
        this.sessionLocks = sessionLocks;
        this.settings = settings;
        this.signedIn = signedIn;
        this.database = database;
        this.clock = clock;
    }

    /** Acquires the order's lock and, once it is held, loads the order under it. */
    @Override
    public EditStart open(long orderId, LockHolder holder, String sessionId) {
        // Only the number before the lock is held: the order itself is loaded once, under the lock.
        return answered(() -> {
            Optional<String> orderNumber = orders.orderNumberOf(orderId);
            if (orderNumber.isEmpty()) {
                return new EditStart.NotFound();
            }
            AcquireOutcome outcome = locks.acquire(ResourceId.order(orderId), holder);
            return started(orderNumber.get(), orderId, outcome, holder, sessionId);
        });
    }

    /**
     * Moves editing to this editor: takes the lock over from the same clerk's other tab. Says who
     * holds it instead when another clerk took it meanwhile.
     */
    @Override
    public EditStart moveHere(long orderId, String orderNumber, LockHolder holder, String sessionId) {
        return answered(() -> {
            AcquireOutcome outcome = takeOvers.moveHere(ResourceId.order(orderId), holder);
            return started(orderNumber, orderId, outcome, holder, sessionId);
        });
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
    @Override
    public EditStart takeOver(long orderId, long token, String holderKey, String reason, String sessionId) {
        AppUserDetails user = signedIn.require();
        if (!signedIn.isSupervisor()) {
            throw new AccessDeniedException(user.getDisplayName() + " may not take over orders: only supervisors may");
        }
        LockHolder supervisor = new LockHolder(user.getUsername(), user.getDisplayName(), holderKey);
        return answered(() -> {
            Optional<String> orderNumber = orders.orderNumberOf(orderId);
            if (orderNumber.isEmpty()) {
                return new EditStart.NotFound();
            }
            AcquireOutcome outcome = takeOvers.takeOver(ResourceId.order(orderId), token, supervisor, reason);
            return started(orderNumber.get(), orderId, outcome, supervisor, sessionId);
        });
    }

    /**
     * Takes the lock again after it was lost, for the draft loaded at {@code loadedVersion}.
     *
     * @return {@link EditStart.Editing} when the lock was free and the order is unchanged
     * @throws OrderChangedException when someone saved the order meanwhile (the lock is let go)
     */
    @Override
    public EditStart reacquire(EditLock lost, long loadedVersion) {
        EditStart start = open(lost.orderId(), lost.holder(), lost.sessionId());
        if (start instanceof EditStart.Editing editing && editing.order().getVersion() != loadedVersion) {
            release(editing.lock());
            throw OrderChangedException.of(editing.order());
        }
        return start;
    }

    /** Extends the lease when {@code lock}'s holder key and token still hold it. */
    @Override
    public RenewOutcome renew(EditLock lock) {
        return answered(() -> locks.renew(lock.resource(), lock.holder().holderKey(), lock.token()));
    }

    /**
     * The session forgets the lock only once the release is done: one the database did not answer
     * stays registered, so that the end of the session releases it rather than the lease.
     */
    @Override
    public void release(EditLock lock) {
        answeredVoid(() -> locks.release(lock.resource(), lock.holder().holderKey(), lock.token()));
        sessionLocks.forget(lock.sessionId(), lock.held());
    }

    @Override
    public void releaseAfterSave(EditLock lock) {
        answeredVoid(() -> locks.releaseAfterSave(lock.resource(), lock.holder().holderKey(), lock.token()));
        sessionLocks.forget(lock.sessionId(), lock.held());
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
    @Override
    public Order save(EditLock lock, long loadedVersion, OrderDraft draft) {
        try {
            return orders.save(lock.orderId(), loadedVersion, draft, lock.token());
        } catch (LockLostException | OrderChangedException | InvalidOrderException expected) {
            throw expected;
        } catch (RuntimeException unexpected) {
            SaveFailedException failed = SaveFailedException.of(unexpected);
            if (failed.databaseDidNotAnswer()) {
                database.reportNoAnswer();
            }
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
    @Override
    public Optional<LockLoss> lossOf(EditLock lock) {
        return answered(() -> losses.lossOf(lock.resource(), lock.token()));
    }

    @Override
    public boolean databaseAnswers() {
        return database.isAvailable();
    }

    /**
     * Answers {@code requester}'s request to release {@code lock}: the message is cleaned and
     * checked like every text a clerk types, then the lock engine records and sends the answer.
     */
    @Override
    public boolean answer(EditLock lock, LockUser requester, ReleaseAnswer answer, String message) {
        String said =
                ShortMessage.of(message, ReleaseRequests.MESSAGE_MAX_LENGTH).orElse(null);
        return answered(
                () -> releaseRequests.answer(lock.resource(), lock.holder(), lock.token(), requester, answer, said));
    }

    public Optional<Order> findWithLines(long orderId) {
        return orders.findWithLines(orderId);
    }

    /**
     * A session for one editor of {@code holder}, with no hold yet; it tells {@code listener} every
     * change, on the thread that caused it.
     */
    public EditSession session(LockHolder holder, Consumer<EditSession.Update> listener) {
        return new EditSession(this, holder, clock, settings, listener);
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
            case AcquireOutcome.Reserved reserved ->
                new EditStart.ReservedForOther(orderNumber, reserved.user(), reserved.until());
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

    /** Runs {@code step}; a failure of the database to answer is reported and thrown as such. */
    private <T> T answered(Supplier<T> step) {
        try {
            return step.get();
        } catch (RuntimeException failure) {
            if (DatabaseFailures.didNotAnswer(failure)) {
                database.reportNoAnswer();
                throw new DatabaseNotAnsweringException(failure);
            }
            throw failure;
        }
    }

    private void answeredVoid(Runnable step) {
        answered(() -> {
            step.run();
            return null;
        });
    }
}
