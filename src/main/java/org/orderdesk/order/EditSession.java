package org.orderdesk.order;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.orderdesk.database.DatabaseNotAnsweringException;
import org.orderdesk.lock.LockEvent;
import org.orderdesk.lock.LockHolder;
import org.orderdesk.lock.LockLoss;
import org.orderdesk.lock.LockLostException;
import org.orderdesk.lock.LockProperties;
import org.orderdesk.lock.LockUser;
import org.orderdesk.lock.ReleaseAnswer;
import org.orderdesk.lock.RenewOutcome;

/**
 * One editor's hold on one order at a time: it is holding the lock, holds it unconfirmed (the
 * database did not answer, so nobody can say whether the lease still runs), has lost it (and knows
 * why), or holds nothing (released, or not yet started). It takes the lock, renews it within the
 * {@link RenewalGate}'s limits, takes it back after a loss, gives it up and saves under it, and
 * tells its one listener every change as an {@link Update}. The editor runs it on its UI thread;
 * only {@link #concerns} runs on the thread that committed a lock change.
 *
 * <p>Unconfirmed: a step the database did not answer, or word that it stopped answering, turns a
 * hold unconfirmed. Nothing that needs the lock is allowed meanwhile (a save is refused without
 * asking the database); the clerk goes on typing. Once the database answers again the session
 * confirms the hold by renewing it; a hold that lapsed meanwhile is taken again if the order is
 * free and unchanged; otherwise the hold is lost, with the real reason.
 */
public final class EditSession {

    /** What changed, for the editor to show. */
    public sealed interface Update {

        /** A hold began (opened, moved here, taken over or taken again): the form is editable. */
        record Held(EditLock lock, Duration remaining) implements Update {}

        /** The lease was extended. */
        record Renewed(EditLock lock, Duration remaining) implements Update {}

        /**
         * The database did not answer: the hold cannot be confirmed, so nothing may claim it. The
         * form stays editable; saving waits for {@link Reconfirmed} (or ends in {@link Lost}).
         */
        record Unconfirmed() implements Update {}

        /** The database answers again, and the session holds the lock: still, or taken again. */
        record Reconfirmed(EditLock lock, Duration remaining) implements Update {}

        /** The lease ends soon unless the clerk acts. */
        record Expiring(Duration remaining) implements Update {}

        /** Someone asks this editor to let the order go; the hold goes on until the clerk decides. */
        record ReleaseRequested(LockUser requester) implements Update {}

        /** The more time the clerk asked {@code requester} for has passed, and the clerk still holds the order. */
        record ReleaseReminder(LockUser requester) implements Update {}

        /** The hold ended without the clerk: nothing that needs the lock is allowed any more. */
        record Lost(LockLoss loss) implements Update {}

        /** The editor let the order go. */
        record Released() implements Update {}
    }

    /** How a save ended. Only {@link LockLost} ends the hold (and is also reported as {@link Update.Lost}). */
    public sealed interface SaveOutcome {

        record Saved(Order order) implements SaveOutcome {}

        record LockLost(LockLoss loss) implements SaveOutcome {}

        record OrderChanged(OrderChangedException changed) implements SaveOutcome {}

        record Invalid(InvalidOrderException refused) implements SaveOutcome {}

        record Failed(SaveFailedException failed) implements SaveOutcome {}

        /** Refused without asking the database: the hold is unconfirmed until the database answers. */
        record Unconfirmed() implements SaveOutcome {}
    }

    private static final long NO_TOKEN = -1;

    private final EditOperations operations;
    /** The clerk and this editor's holder key, for every hold the session takes. */
    private final LockHolder holder;

    private final Clock clock;
    private final LockProperties settings;
    private final Consumer<Update> listener;

    private @Nullable EditLock lock;
    private @Nullable Order order;
    private @Nullable LockLoss loss;
    /** Whether the clerk saved under the current hold: letting it go then ends it as "saved". */
    private boolean savedUnderHold;
    /** The database did not answer since the hold was last confirmed. */
    private boolean unconfirmed;

    private RenewalGate renewals;
    /** The token whose events matter; read by whichever thread commits a lock change. */
    private volatile long watchedToken = NO_TOKEN;

    EditSession(
            EditOperations operations,
            LockHolder holder,
            Clock clock,
            LockProperties settings,
            Consumer<Update> listener) {
        this.operations = operations;
        this.holder = holder;
        this.clock = clock;
        this.settings = settings;
        this.listener = listener;
        this.renewals = new RenewalGate(clock, settings);
    }

    /** Opens {@code orderId} for editing; holds it when the answer is {@link EditStart.Editing}. */
    public EditStart open(long orderId, String sessionId) {
        return started(operations.open(orderId, holder, sessionId));
    }

    /** Moves editing here from the same clerk's other tab. */
    public EditStart moveHere(long orderId, String orderNumber, String sessionId) {
        return started(operations.moveHere(orderId, orderNumber, holder, sessionId));
    }

    /**
     * A supervisor takes the order over from the hold of {@code token}, giving a reason.
     *
     * @throws org.springframework.security.access.AccessDeniedException when the signed-in user is
     *     not a supervisor
     * @throws IllegalArgumentException when the reason is blank or too long
     */
    public EditStart takeOver(long orderId, long token, String reason, String sessionId) {
        return started(operations.takeOver(orderId, token, holder.holderKey(), reason, sessionId));
    }

    /**
     * Takes the lock back after a loss. Only when it is free and the order unchanged does the
     * session hold again; otherwise it stays lost.
     *
     * @throws OrderChangedException when someone saved the order after it was loaded
     */
    public EditStart reacquire() {
        if (loss == null) {
            throw new IllegalStateException("Only a lost hold is taken again");
        }
        return started(operations.reacquire(Objects.requireNonNull(lock), loadedVersion()));
    }

    /**
     * The browser reports that the clerk last acted {@code idleMillis} ago, and asks to renew. While
     * the hold is unconfirmed, it asks to confirm it, which is tried once the database answers.
     */
    public void renewalRequested(double idleMillis) {
        if (holding()) {
            renewals.reported(idleMillis);
            renew();
        } else if (unconfirmed()) {
            renewals.reported(idleMillis);
            reconfirmIfDatabaseAnswers();
        }
    }

    /** The clerk asked to keep editing: counts as activity and renews at once. */
    public void keepEditing() {
        if (holding()) {
            renewals.activity();
            renew();
        } else if (unconfirmed()) {
            renewals.activity();
            reconfirmIfDatabaseAnswers();
        }
    }

    /** The server saw the clerk act (a changed value, a save): later renewals go through. */
    public void activity() {
        if (holding() || unconfirmed()) {
            renewals.activity();
        }
    }

    /** This node's database stopped answering: a hold can no longer be confirmed. */
    public void databaseUnavailable() {
        if (holding()) {
            unconfirm();
        }
    }

    /** This node's database answers (again): an unconfirmed hold is confirmed, taken again or lost. */
    public void databaseAvailable() {
        if (unconfirmed()) {
            reconfirm();
        }
    }

    /**
     * Saves {@code draft} under the lock. A lost lock ends the hold; every other failure leaves it
     * as it was.
     */
    public SaveOutcome save(OrderDraft draft) {
        if (unconfirmed()) {
            return new SaveOutcome.Unconfirmed();
        }
        EditLock held = requireHolding();
        try {
            Order saved = operations.save(held, loadedVersion(), draft);
            order = saved;
            savedUnderHold = true;
            return new SaveOutcome.Saved(saved);
        } catch (LockLostException lost) {
            lost(lost.loss());
            return new SaveOutcome.LockLost(lost.loss());
        } catch (OrderChangedException changed) {
            return new SaveOutcome.OrderChanged(changed);
        } catch (InvalidOrderException refused) {
            return new SaveOutcome.Invalid(refused);
        } catch (SaveFailedException failed) {
            if (failed.databaseDidNotAnswer()) {
                unconfirm();
            }
            return new SaveOutcome.Failed(failed);
        }
    }

    /**
     * Answers {@code requester}'s request to let the order go, with an optional message as typed;
     * releasing is {@link #release()}.
     *
     * @return false when the session holds nothing or the request no longer stands
     * @throws IllegalArgumentException when the message is not acceptable, saying why
     */
    public boolean answer(LockUser requester, ReleaseAnswer answer, String message) {
        if (!holding()) {
            return false;
        }
        try {
            return operations.answer(Objects.requireNonNull(lock), requester, answer, message);
        } catch (DatabaseNotAnsweringException away) {
            unconfirm();
            return false;
        }
    }

    /**
     * Gives up the lock if this session holds it, confirmed or not, and forgets the order. A
     * release the database does not answer leaves the lock to lapse after its lease.
     */
    public void release() {
        watchedToken = NO_TOKEN;
        EditLock held = lock;
        boolean wasHolding = holding() || unconfirmed();
        lock = null;
        order = null;
        loss = null;
        unconfirmed = false;
        if (wasHolding) {
            try {
                if (savedUnderHold) {
                    operations.releaseAfterSave(Objects.requireNonNull(held));
                } else {
                    operations.release(Objects.requireNonNull(held));
                }
            } catch (DatabaseNotAnsweringException away) {
                // The lease ends by itself; the sweeper removes it once the database is back.
            }
            listener.accept(new Update.Released());
        }
    }

    /**
     * Whether {@code event} warns about, ends or asks for this session's hold. Runs on the thread
     * that committed the change, so it reads only the watched token.
     */
    public boolean concerns(LockEvent event) {
        long watched = watchedToken;
        if (watched == NO_TOKEN) {
            return false;
        }
        return event.endangeredToken().equals(OptionalLong.of(watched))
                || (event instanceof LockEvent.ReleaseRequested requested && requested.token() == watched)
                || (event instanceof LockEvent.ReleaseReminder reminder && reminder.token() == watched);
    }

    /**
     * Handles a lock event on the editor's thread; one that no longer concerns the hold is ignored.
     * While the hold is unconfirmed, an event that may have ended it (the sweeper's expiry once the
     * database is back) is a reason to confirm it now, not yet a loss: a lease that lapsed during
     * the outage is taken again if nobody else took it; warnings and requests wait.
     */
    public void onLockEvent(LockEvent event) {
        if (unconfirmed() && concerns(event)) {
            if (endsHold(event)) {
                reconfirm();
            }
            return;
        }
        if (!holding() || !concerns(event)) {
            return;
        }
        EditLock held = Objects.requireNonNull(lock);
        switch (event) {
            case LockEvent.ReleaseRequested requested ->
                listener.accept(new Update.ReleaseRequested(requested.requester()));
            case LockEvent.ReleaseReminder reminder ->
                listener.accept(new Update.ReleaseReminder(reminder.requester()));
            case LockEvent.Expiring expiring -> {
                // A renewal handled before this queued event has already moved the lease on.
                if (expiring.expiresAt().equals(held.expiresAt())) {
                    listener.accept(new Update.Expiring(remaining(held)));
                }
            }
            default -> {
                try {
                    operations.lossOf(held).ifPresent(this::lost);
                } catch (DatabaseNotAnsweringException away) {
                    unconfirm();
                }
            }
        }
    }

    private static boolean endsHold(LockEvent event) {
        return !(event instanceof LockEvent.Expiring
                || event instanceof LockEvent.ReleaseRequested
                || event instanceof LockEvent.ReleaseReminder);
    }

    /**
     * Lock events may have been missed (this node lost its link to the others for a while): asks
     * the lock engine whether the hold still stands. Held by its token: nothing changes. Ended: the
     * session is lost with the reason, exactly as if the event that ended it had arrived.
     */
    public void resynchronise() {
        if (holding()) {
            try {
                operations.lossOf(Objects.requireNonNull(lock)).ifPresent(this::lost);
            } catch (DatabaseNotAnsweringException away) {
                unconfirm();
            }
        } else if (unconfirmed()) {
            reconfirmIfDatabaseAnswers();
        }
    }

    /**
     * Whether the session holds the lock and the database confirmed it: only then may anything
     * claim it (a save, the status "You are editing").
     */
    public boolean holding() {
        return lock != null && loss == null && !unconfirmed;
    }

    /** Whether the session held the lock when the database stopped answering, and cannot confirm it yet. */
    public boolean unconfirmed() {
        return lock != null && loss == null && unconfirmed;
    }

    /** The hold, current or lost; empty when the session holds nothing. */
    public Optional<EditLock> lock() {
        return Optional.ofNullable(lock);
    }

    /** The order as loaded under the lock or as last saved; empty when the session holds nothing. */
    public Optional<Order> order() {
        return Optional.ofNullable(order);
    }

    public LockProperties settings() {
        return settings;
    }

    /** How long the lease has left by the server's clock, as last confirmed. */
    public Duration remaining() {
        if (!holding() && !unconfirmed()) {
            throw new IllegalStateException("The session does not hold the lock");
        }
        return remaining(Objects.requireNonNull(lock));
    }

    private EditStart started(EditStart start) {
        if (start instanceof EditStart.Editing editing) {
            hold(editing.lock(), editing.order());
            listener.accept(new Update.Held(editing.lock(), remaining(editing.lock())));
        }
        return start;
    }

    private void hold(EditLock held, Order loaded) {
        lock = held;
        order = loaded;
        loss = null;
        unconfirmed = false;
        savedUnderHold = false;
        renewals = new RenewalGate(clock, settings);
        watchedToken = held.token();
    }

    /** The database did not answer: the hold stands unconfirmed, and the editor says so. */
    private void unconfirm() {
        if (holding()) {
            unconfirmed = true;
            listener.accept(new Update.Unconfirmed());
        }
    }

    private void reconfirmIfDatabaseAnswers() {
        if (operations.databaseAnswers()) {
            reconfirm();
        }
    }

    /**
     * Asks the database whether the unconfirmed hold still stands. For an active clerk it renews
     * the lease (which also revives one that lapsed unseen); an idle clerk's lease only is checked,
     * so that it lapses as it would have without the outage. A hold that lapsed is taken again
     * when the order is free and unchanged; one that someone ended, or that cannot be taken again,
     * is lost. No answer: it stays unconfirmed.
     */
    private void reconfirm() {
        EditLock held = Objects.requireNonNull(lock);
        try {
            if (renewals.clerkIdle()) {
                Optional<LockLoss> gone = operations.lossOf(held);
                if (gone.isPresent()) {
                    unconfirmed = false;
                    lost(gone.get());
                } else {
                    confirmed(held);
                }
                return;
            }
            switch (operations.renew(held)) {
                case RenewOutcome.Renewed renewed -> confirmed(held.withExpiry(renewed.expiresAt()));
                case RenewOutcome.Lost lost -> takeAgainOrLose(held, lost.loss());
            }
        } catch (DatabaseNotAnsweringException away) {
            // Still no answer: the next sign that the database is back tries again.
        }
    }

    private void confirmed(EditLock held) {
        lock = held;
        unconfirmed = false;
        listener.accept(new Update.Reconfirmed(held, remaining(held)));
    }

    /** A lease that lapsed, or a row that went without a word, is taken again if nobody else has it and the order is unchanged. */
    private void takeAgainOrLose(EditLock held, LockLoss loss) {
        boolean lapsed = loss.reason() == LockLoss.Reason.EXPIRED || loss.reason() == LockLoss.Reason.UNKNOWN;
        if (lapsed && loss.by() == null) {
            // The lapsed hold's registration with the HTTP session goes; a new hold registers itself.
            operations.release(held);
            try {
                if (operations.reacquire(held, loadedVersion()) instanceof EditStart.Editing again) {
                    hold(again.lock(), again.order());
                    listener.accept(new Update.Reconfirmed(again.lock(), remaining(again.lock())));
                    return;
                }
            } catch (OrderChangedException changed) {
                // Someone saved the order meanwhile: the clerk compares on the lost-lock panel.
            }
        }
        unconfirmed = false;
        lost(loss);
    }

    /**
     * Renews if the gate lets the renewal through. A refused one changes nothing, here or in the
     * database: unless the clerk acts, the lease lapses as it would without renewals.
     */
    private void renew() {
        if (renewals.admitRenewal() != RenewalGate.Decision.ACCEPTED) {
            return;
        }
        EditLock held = requireHolding();
        RenewOutcome outcome;
        try {
            outcome = operations.renew(held);
        } catch (DatabaseNotAnsweringException away) {
            unconfirm();
            return;
        }
        switch (outcome) {
            case RenewOutcome.Renewed renewed -> {
                lock = held.withExpiry(renewed.expiresAt());
                listener.accept(new Update.Renewed(lock, remaining(lock)));
            }
            case RenewOutcome.Lost lost -> lost(lost.loss());
        }
    }

    /** The lock is gone: its registration with the HTTP session goes too. */
    private void lost(LockLoss lost) {
        EditLock held = requireHolding();
        loss = lost;
        watchedToken = NO_TOKEN;
        try {
            operations.release(held);
        } catch (DatabaseNotAnsweringException away) {
            // Nothing of this hold is left to release: another holder has the lock, or nobody.
        }
        listener.accept(new Update.Lost(lost));
    }

    private long loadedVersion() {
        return Objects.requireNonNull(order).getVersion();
    }

    private EditLock requireHolding() {
        if (!holding()) {
            throw new IllegalStateException("The session does not hold the lock");
        }
        return Objects.requireNonNull(lock);
    }

    private Duration remaining(EditLock held) {
        Duration left = Duration.between(clock.instant(), held.expiresAt());
        return left.isNegative() ? Duration.ZERO : left;
    }
}
