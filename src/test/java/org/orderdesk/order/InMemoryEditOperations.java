package org.orderdesk.order;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.orderdesk.database.DatabaseNotAnsweringException;
import org.orderdesk.lock.LockHolder;
import org.orderdesk.lock.LockLoss;
import org.orderdesk.lock.LockLostException;
import org.orderdesk.lock.LockUser;
import org.orderdesk.lock.ReleaseAnswer;
import org.orderdesk.lock.RenewOutcome;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * One order and its edit lock in memory, for the tests of {@link EditSession}: leases run by the
 * given clock, and other clerks act through the methods below. Versions are the stored order's
 * count of saves by someone else, since an order built in memory keeps version 0. While the
 * database is {@linkplain #databaseAway() away}, every step fails as a database that does not
 * answer: nothing changes, and time goes on.
 */
final class InMemoryEditOperations implements EditOperations {

    static final long ORDER_ID = 42;

    private final Clock clock;
    private final Duration lease;
    private final Order order = SampleOrders.acmeOrder();
    private long storedVersion;
    private long lastToken;
    private @Nullable Hold hold;
    /** How the last hold to end ended, when someone else ended it. */
    private @Nullable LockLoss lastLoss;

    private @Nullable RuntimeException nextSaveFailure;
    private boolean away;
    /** Steps asked of the database while it was away. */
    int unanswered;

    final List<EditLock> released = new ArrayList<>();
    /** The holds given up after a save: also listed in {@link #released}. */
    final List<EditLock> releasedAfterSave = new ArrayList<>();

    final List<EditLock> renewed = new ArrayList<>();
    final List<OrderDraft> saved = new ArrayList<>();
    final List<String> answers = new ArrayList<>();

    private record Hold(LockHolder holder, long token, Instant expiresAt) {}

    InMemoryEditOperations(Clock clock, Duration lease) {
        this.clock = clock;
        this.lease = lease;
    }

    @Override
    public EditStart open(long orderId, LockHolder holder, String sessionId) {
        answerOrFail();
        if (orderId != ORDER_ID) {
            return new EditStart.NotFound();
        }
        Hold current = liveHold();
        if (current != null && !current.holder().username().equals(holder.username())) {
            return new EditStart.LockedByOther(
                    order.getOrderNumber(), current.holder().user(), clock.instant(), current.expiresAt());
        }
        if (current != null && !current.holder().holderKey().equals(holder.holderKey())) {
            return new EditStart.OpenInOtherTab(order.getOrderNumber(), clock.instant(), current.expiresAt());
        }
        return take(holder, sessionId, LockLoss.Reason.EXPIRED, null);
    }

    @Override
    public EditStart moveHere(long orderId, String orderNumber, LockHolder holder, String sessionId) {
        answerOrFail();
        Hold current = liveHold();
        if (current != null && !current.holder().username().equals(holder.username())) {
            return new EditStart.LockedByOther(
                    orderNumber, current.holder().user(), clock.instant(), current.expiresAt());
        }
        return take(holder, sessionId, LockLoss.Reason.MOVED, null);
    }

    @Override
    public EditStart takeOver(long orderId, long token, String holderKey, String reason, String sessionId) {
        answerOrFail();
        return take(new LockHolder("sam", "Sam", holderKey), sessionId, LockLoss.Reason.TAKEN_OVER, reason);
    }

    @Override
    public EditStart reacquire(EditLock lost, long loadedVersion) {
        EditStart start = open(lost.orderId(), lost.holder(), lost.sessionId());
        if (start instanceof EditStart.Editing editing && storedVersion != loadedVersion) {
            release(editing.lock());
            throw OrderChangedException.of(order);
        }
        return start;
    }

    @Override
    public RenewOutcome renew(EditLock lock) {
        answerOrFail();
        renewed.add(lock);
        if (!holds(lock)) {
            return new RenewOutcome.Lost(lossOf(lock).orElseThrow());
        }
        hold = new Hold(lock.holder(), lock.token(), clock.instant().plus(lease));
        return new RenewOutcome.Renewed(hold.expiresAt());
    }

    @Override
    public void release(EditLock lock) {
        answerOrFail();
        released.add(lock);
        if (holds(lock)) {
            hold = null;
        }
    }

    @Override
    public void releaseAfterSave(EditLock lock) {
        answerOrFail();
        releasedAfterSave.add(lock);
        release(lock);
    }

    @Override
    public Order save(EditLock lock, long loadedVersion, OrderDraft draft) {
        if (away) {
            unanswered++;
            throw SaveFailedException.of(new CannotCreateTransactionException("Connection refused"));
        }
        RuntimeException failure = nextSaveFailure;
        nextSaveFailure = null;
        if (failure != null) {
            throw failure;
        }
        if (!holds(lock)) {
            throw new LockLostException(lossOf(lock).orElseThrow());
        }
        if (loadedVersion != storedVersion) {
            throw OrderChangedException.of(order);
        }
        saved.add(draft);
        return order;
    }

    @Override
    public boolean answer(EditLock lock, LockUser requester, ReleaseAnswer answer, String message) {
        answerOrFail();
        if (!holds(lock)) {
            return false;
        }
        answers.add(answer + " to " + requester.username() + (message.isBlank() ? "" : ": " + message));
        return true;
    }

    @Override
    public Optional<LockLoss> lossOf(EditLock lock) {
        answerOrFail();
        if (holds(lock)) {
            return Optional.empty();
        }
        if (lastLoss != null) {
            return Optional.of(lastLoss);
        }
        return Optional.of(new LockLoss(lock.resource(), LockLoss.Reason.EXPIRED, null, null, lock.expiresAt()));
    }

    @Override
    public boolean databaseAnswers() {
        return !away;
    }

    /** The database stops answering. */
    void databaseAway() {
        away = true;
    }

    /** The database answers again, with everything as it was. */
    void databaseBack() {
        away = false;
    }

    /** The sweeper removes the hold whose lease ended, as it does once the database is back. */
    void sweepExpired() {
        Hold current = hold;
        if (current != null && !current.expiresAt().isAfter(clock.instant())) {
            hold = null;
            lastLoss = null;
        }
    }

    private void answerOrFail() {
        if (away) {
            unanswered++;
            throw new DatabaseNotAnsweringException(new CannotCreateTransactionException("Connection refused"));
        }
    }

    /** Another clerk (or a supervisor) takes the lock, over the live hold or after it lapsed. */
    void takenBy(LockHolder other, LockLoss.Reason reason) {
        take(other, "other-session", reason, null);
    }

    /** Someone else saved the order, between holds of the clerk under test. */
    void savedBySomeoneElse() {
        storedVersion++;
        order.markChanged("Bob", clock.instant());
    }

    void failNextSave(RuntimeException failure) {
        nextSaveFailure = failure;
    }

    boolean isHeld() {
        return liveHold() != null;
    }

    private EditStart take(LockHolder holder, String sessionId, LockLoss.Reason reason, @Nullable String comment) {
        Hold previous = hold;
        if (previous != null) {
            lastLoss = new LockLoss(
                    editLockOf(previous, sessionId).resource(), reason, holder.user(), comment, clock.instant());
        }
        hold = new Hold(holder, ++lastToken, clock.instant().plus(lease));
        return new EditStart.Editing(editLockOf(hold, sessionId), order);
    }

    private EditLock editLockOf(Hold held, String sessionId) {
        return new EditLock(ORDER_ID, held.holder(), held.token(), held.expiresAt(), sessionId);
    }

    private boolean holds(EditLock lock) {
        Hold current = liveHold();
        return current != null
                && current.token() == lock.token()
                && current.holder().holderKey().equals(lock.holder().holderKey());
    }

    private @Nullable Hold liveHold() {
        Hold current = hold;
        return current != null && current.expiresAt().isAfter(clock.instant()) ? current : null;
    }
}
