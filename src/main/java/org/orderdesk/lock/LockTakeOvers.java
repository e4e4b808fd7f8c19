package org.orderdesk.lock;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.orderdesk.lock.AcquireOutcome.Acquired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Taking a lock from its holder under a new token: moving a clerk's editing to another of their
 * tabs, or a supervisor taking over with a reason. The previous holder learns of it from a
 * {@link LockEvent.TakenOver}. Each is one step that locks the lock row before deciding.
 */
@Service
public class LockTakeOvers {

    /** The longest reason a take-over or a broken lock may give. */
    public static final int REASON_MAX_LENGTH = 500;

    private final LockStore store;
    private final LockTransactions steps;
    private final LockGrants grants;
    private final Privileges privileges;
    private final LockTurns turns;

    LockTakeOvers(LockStore store, LockTransactions steps, LockGrants grants, Privileges privileges, LockTurns turns) {
        this.store = store;
        this.steps = steps;
        this.grants = grants;
        this.privileges = privileges;
        this.turns = turns;
    }

    /**
     * Takes over the hold of {@code token} only: the one the supervisor saw when deciding. When the
     * lock is free by now, it is simply taken; when another hold replaced that one meanwhile, the
     * answer says who holds it and nothing changes. A supervisor ignores the waiting line: a
     * reservation for the first in line is voided, and that clerk is first in line again; the
     * others keep their places, to be served when the supervisor lets go.
     *
     * @throws AccessDeniedException when another user holds it and {@code newHolder} is no supervisor
     */
    public AcquireOutcome takeOver(ResourceId resource, long token, LockHolder newHolder, @Nullable String reason) {
        LockGrants.Precedence precedence = privileges.isSupervisor(newHolder.user())
                ? LockGrants.Precedence.OUT_OF_TURN
                : LockGrants.Precedence.IN_TURN;
        return takeWhere(resource, newHolder, lock -> lock.token() == token, precedence, reason);
    }

    /**
     * Moves the user's editing to {@code holder}'s tab: takes the lock from the same user's other
     * holder key, or simply takes it when it is free. When another user holds it by now (the other
     * tab's lease ran out and someone took it), that is the answer and nothing changes. A free
     * order goes to whoever's turn it is, as when acquiring it.
     */
    public AcquireOutcome moveHere(ResourceId resource, LockHolder holder) {
        return takeWhere(
                resource, holder, lock -> lock.holder().isSameUser(holder), LockGrants.Precedence.IN_TURN, null);
    }

    /**
     * Takes the lock when it is available, or from a live hold that {@code mayTake}; otherwise says
     * who holds it or whose turn it is. Taking it from a live hold leaves the line as it is.
     */
    private AcquireOutcome takeWhere(
            ResourceId resource,
            LockHolder holder,
            Predicate<LockInfo> mayTake,
            LockGrants.Precedence precedence,
            @Nullable String reason) {
        AcquireOutcome outcome = steps.atomically(() -> {
            Turn turn = turns.lock(resource);
            Optional<LockInfo> current = store.findForUpdate(resource);
            Instant now = steps.now();
            AcquireOutcome available = grants.take(turn, current, holder, now, precedence, reason);
            boolean held = available instanceof AcquireOutcome.HeldByOther
                    || available instanceof AcquireOutcome.HeldBySameUser;
            if (!held) {
                return available;
            }
            LockInfo lock = current.orElseThrow();
            return mayTake.test(lock) ? takeFrom(lock, holder, reason, now) : available;
        });
        return grants.countingConflicts(outcome);
    }

    private Acquired takeFrom(LockInfo lock, LockHolder newHolder, @Nullable String reason, Instant now) {
        boolean sameUser = lock.holder().isSameUser(newHolder);
        if (!sameUser) {
            privileges.requireSupervisor(
                    newHolder.user(), "take over " + lock.holder().displayName() + "'s lock");
        }
        String why = sameUser ? null : Privileges.requireReason(reason);
        LockInfo taken = grants.newHold(lock.resource(), newHolder, now);
        store.replace(taken, lock.token());
        steps.audit(LockAction.TAKEN_OVER, lock, newHolder.user(), why, now);
        steps.audit(LockAction.ACQUIRED, taken, newHolder.user(), why, now);
        steps.publish(new LockEvent.TakenOver(
                lock.resource(), lock.holder(), lock.token(), newHolder, taken.token(), taken.expiresAt(), why, now));
        return new Acquired(taken.token(), now, taken.expiresAt());
    }
}
