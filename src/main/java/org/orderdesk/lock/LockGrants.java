package org.orderdesk.lock;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.orderdesk.lock.AcquireOutcome.Acquired;
import org.orderdesk.lock.AcquireOutcome.HeldByOther;
import org.orderdesk.lock.AcquireOutcome.HeldBySameUser;
import org.springframework.stereotype.Component;

/**
 * Granting and extending holds, inside a step that already locked the turn row and the lock row:
 * what acquiring and taking over share, so both decide "is it available, and whose turn is it?"
 * the same way.
 */
@Component
class LockGrants {

    private final LockStore store;
    private final LockTransactions steps;
    private final LockProperties settings;
    private final LockMetrics metrics;
    private final LockTurns turns;

    LockGrants(LockStore store, LockTransactions steps, LockProperties settings, LockMetrics metrics, LockTurns turns) {
        this.store = store;
        this.steps = steps;
        this.settings = settings;
        this.metrics = metrics;
        this.turns = turns;
    }

    /** Whether a clerk waits for their turn (acquiring, moving tabs) or a supervisor takes the resource out of turn. */
    enum Precedence {
        IN_TURN,
        OUT_OF_TURN
    }

    /**
     * Grants the lock when nobody else holds a live lease on it and it is {@code holder}'s turn
     * (see {@link LockTurns}), or whatever the turn: {@code OUT_OF_TURN}. Otherwise the answer
     * says who holds it or whose turn it is. A lease that ended unrenewed hands the resource on as
     * a release would. Runs in a step that locked the turn row, then the lock row ({@code current}).
     */
    AcquireOutcome take(
            Turn turn,
            Optional<LockInfo> current,
            LockHolder holder,
            Instant now,
            Precedence precedence,
            @Nullable String reason) {
        Long lapsedToken = null;
        if (current.isPresent()) {
            LockInfo lock = current.get();
            if (lock.holder().isSameUser(holder) && lock.holder().holderKey().equals(holder.holderKey())) {
                LockInfo extended = extend(lock, now);
                return new Acquired(lock.token(), lock.acquiredAt(), extended.expiresAt());
            }
            if (lock.isLive(now)) {
                return conflict(lock, holder);
            }
            lapsedToken = lock.token();
        }
        boolean inTurn = precedence == Precedence.OUT_OF_TURN || turns.isTurnOf(turn, holder.user(), now);
        if (lapsedToken != null) {
            // The clerk who finds the lease ended and takes the lock is named as its taker.
            steps.recordExpiry(current.get(), inTurn ? holder.user() : null, now);
        }
        if (!inTurn) {
            if (lapsedToken != null) {
                store.delete(turn.resource(), lapsedToken);
            }
            return turns.refuse(turn, now);
        }
        if (precedence == Precedence.OUT_OF_TURN) {
            turns.overrule(turn, holder.user(), reason, now);
        } else {
            turns.take(turn, holder.user(), now);
        }
        return grant(turn.resource(), holder, now, lapsedToken);
    }

    /** Who holds {@code lock}, as the answer to {@code holder}: the same user in another tab is its own answer. */
    AcquireOutcome conflict(LockInfo lock, LockHolder holder) {
        if (lock.holder().isSameUser(holder)) {
            return new HeldBySameUser(lock.holder().holderKey(), lock.acquiredAt(), lock.expiresAt());
        }
        return new HeldByOther(lock.holder().user(), lock.acquiredAt(), lock.expiresAt());
    }

    /** Counts every answer that is not a granted lock as a conflict. */
    AcquireOutcome countingConflicts(AcquireOutcome outcome) {
        if (!(outcome instanceof Acquired)) {
            metrics.conflict();
        }
        return outcome;
    }

    /** Extends {@code lock} by one lease from {@code now}, counted on its hold's audit row. */
    LockInfo extend(LockInfo lock, Instant now) {
        LockInfo renewed = lock.renewed(now, settings.lease());
        store.replace(renewed, lock.token());
        steps.auditRenewal(renewed, now);
        steps.publish(new LockEvent.Renewed(lock.resource(), lock.holder(), lock.token(), renewed.expiresAt(), now));
        return renewed;
    }

    /** A new hold under a new token for {@code holder}, starting {@code now}. */
    LockInfo newHold(ResourceId resource, LockHolder holder, Instant now) {
        return LockInfo.granted(resource, holder, store.nextToken(), now, settings.lease());
    }

    private Acquired grant(ResourceId resource, LockHolder holder, Instant now, @Nullable Long replacedToken) {
        LockInfo lock = newHold(resource, holder, now);
        long token = lock.token();
        if (replacedToken == null) {
            // Written once, stamped with the time read under the turn row's lock: every step that
            // inserts a lock row holds that row lock first, so the insert never waits for another.
            store.insert(lock);
        } else {
            store.replace(lock, replacedToken);
        }
        steps.audit(LockAction.ACQUIRED, lock, holder.user(), null, lock.acquiredAt());
        steps.publish(new LockEvent.Acquired(resource, holder, token, lock.expiresAt(), lock.acquiredAt()));
        return new Acquired(token, lock.acquiredAt(), lock.expiresAt());
    }
}
