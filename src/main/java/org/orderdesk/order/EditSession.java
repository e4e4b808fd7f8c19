package org.orderdesk.order;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.orderdesk.lock.LockEvent;
import org.orderdesk.lock.LockHolder;
import org.orderdesk.lock.LockLoss;
import org.orderdesk.lock.LockLostException;
import org.orderdesk.lock.LockProperties;
import org.orderdesk.lock.LockUser;
import org.orderdesk.lock.ReleaseAnswer;
import org.orderdesk.lock.RenewOutcome;

/**
 * One editor's hold on one order at a time: it is holding the lock, has lost it (and knows why),
 * or holds nothing (released, or not yet started). It takes the lock, renews it within the
 * {@link RenewalGate}'s limits, takes it back after a loss, gives it up and saves under it, and
 * tells its one listener every change as an {@link Update}. The editor runs it on its UI thread;
 * only {@link #concerns} runs on the thread that committed a lock change.
 */
public final class EditSession {

    /** What changed, for the editor to show. */
    public sealed interface Update {

        /** A hold began (opened, moved here, taken over or taken again): the form is editable. */
        record Held(EditLock lock, Duration remaining) implements Update {}

        /** The lease was extended. */
        record Renewed(EditLock lock, Duration remaining) implements Update {}

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

    /** The browser reports that the clerk last acted {@code idleMillis} ago, and asks to renew. */
    public void renewalRequested(double idleMillis) {
        if (holding()) {
            renewals.reported(idleMillis);
            renew();
        }
    }

    /** The clerk asked to keep editing: counts as activity and renews at once. */
    public void keepEditing() {
        if (holding()) {
            renewals.activity();
            renew();
        }
    }

    /** The server saw the clerk act (a changed value, a save): later renewals go through. */
    public void activity() {
        if (holding()) {
            renewals.activity();
        }
    }

    /**
     * Saves {@code draft} under the lock. A lost lock ends the hold; every other failure leaves it
     * as it was.
     */
    public SaveOutcome save(OrderDraft draft) {
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
        return holding() && operations.answer(Objects.requireNonNull(lock), requester, answer, message);
    }

    /** Gives up the lock if this session holds it, and forgets the order. */
    public void release() {
        watchedToken = NO_TOKEN;
        EditLock held = lock;
        boolean wasHolding = holding();
        lock = null;
        order = null;
        loss = null;
        if (wasHolding) {
            if (savedUnderHold) {
                operations.releaseAfterSave(Objects.requireNonNull(held));
            } else {
                operations.release(Objects.requireNonNull(held));
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

    /** Handles a lock event on the editor's thread; one that no longer concerns the hold is ignored. */
    public void onLockEvent(LockEvent event) {
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
            default -> operations.lossOf(held).ifPresent(this::lost);
        }
    }

    /**
     * Lock events may have been missed (this node lost its link to the others for a while): asks
     * the lock engine whether the hold still stands. Held by its token: nothing changes. Ended: the
     * session is lost with the reason, exactly as if the event that ended it had arrived.
     */
    public void resynchronise() {
        if (holding()) {
            operations.lossOf(Objects.requireNonNull(lock)).ifPresent(this::lost);
        }
    }

    public boolean holding() {
        return lock != null && loss == null;
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

    /** How long the lease has left by the server's clock. */
    public Duration remaining() {
        return remaining(requireHolding());
    }

    private EditStart started(EditStart start) {
        if (start instanceof EditStart.Editing editing) {
            hold(editing.lock(), editing.order());
        }
        return start;
    }

    private void hold(EditLock held, Order loaded) {
        lock = held;
        order = loaded;
        loss = null;
        savedUnderHold = false;
        renewals = new RenewalGate(clock, settings);
        watchedToken = held.token();
        listener.accept(new Update.Held(held, remaining(held)));
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
        switch (operations.renew(held)) {
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
        operations.release(held);
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
