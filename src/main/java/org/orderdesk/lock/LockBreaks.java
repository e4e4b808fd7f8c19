package org.orderdesk.lock;

import java.time.Instant;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * A supervisor ending someone's lock without taking it, with a reason; the holder learns who
 * broke it and why from a {@link LockEvent.Broken}.
 */
@Service
public class LockBreaks {

    private final LockStore store;
    private final LockTransactions steps;
    private final Privileges privileges;
    private final LockTurns turns;

    LockBreaks(LockStore store, LockTransactions steps, Privileges privileges, LockTurns turns) {
        this.store = store;
        this.steps = steps;
        this.privileges = privileges;
        this.turns = turns;
    }

    /**
     * Ends the hold of {@code token} only: the one a supervisor saw when deciding to break it. If
     * that hold has ended and the lock changed hands meanwhile, the new holder keeps it. The order
     * is free then, as after a release: the first in its line gets a reservation. (The supervisor
     * needs no turn to break a lock, but frees the order for the clerks who wait, not for anyone
     * quickest; to edit it themselves they take it over.)
     *
     * @return false when that hold had already ended
     * @throws AccessDeniedException when {@code supervisor} is not one
     */
    public boolean breakLock(ResourceId resource, long token, LockUser supervisor, String reason) {
        privileges.requireSupervisor(supervisor, "break locks");
        String why = Privileges.requireReason(reason);
        return steps.atomically(() -> {
            Turn turn = turns.lock(resource);
            Optional<LockInfo> current = store.findForUpdate(resource).filter(lock -> lock.token() == token);
            if (current.isEmpty()) {
                return false;
            }
            LockInfo lock = current.get();
            Instant now = steps.now();
            store.delete(resource, lock.token());
            steps.audit(LockAction.BROKEN, lock, supervisor, why, now);
            steps.publish(new LockEvent.Broken(resource, lock.holder(), lock.token(), supervisor, why, now));
            turns.handOn(turn, now);
            return true;
        });
    }
}
