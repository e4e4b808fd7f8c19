package org.orderdesk.lock;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.orderdesk.lock.RenewOutcome.Lost;
import org.orderdesk.lock.RenewOutcome.Renewed;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Edit locks as leases: acquire, renew, release, and the fenced check a write makes. Each
 * operation is one database transaction that locks the lock row ({@code SELECT ... FOR UPDATE})
 * before deciding, so two nodes on one database never both win; the time is read after the row
 * lock is granted. Every change is audited (a renewal is counted on its hold's audit row) and
 * announced as a {@link LockEvent} after it commits.
 */
@Service
public class LockService {

    /**
     * The reason a release after a save is audited with, so that the history tells a hold that
     * saved from one given up unchanged (only the engine writes a release's reason).
     */
    static final String SAVED = "after saving";

    /** The reason a release is audited with when the node that served its holder stops. */
    public static final String NODE_STOPPED = "node stopped";

    private final LockStore store;
    private final LockTransactions steps;
    private final LockGrants grants;
    private final LockLosses losses;
    private final LockTurns turns;

    LockService(LockStore store, LockTransactions steps, LockGrants grants, LockLosses losses, LockTurns turns) {
        this.store = store;
        this.steps = steps;
        this.grants = grants;
        this.losses = losses;
        this.turns = turns;
    }

    /**
     * Takes the lock when it is free (or expired) and it is the holder's turn: nobody waits for
     * it, it is reserved for them, or they are first in its line; or when it is already held under
     * the same holder key (which extends it). Otherwise says who holds it (the same user in another
     * tab is its own answer), or for whom it is reserved.
     */
    public AcquireOutcome acquire(ResourceId resource, LockHolder holder) {
        AcquireOutcome outcome = steps.atomically(() -> {
            Turn turn = turns.lock(resource);
            Optional<LockInfo> current = store.findForUpdate(resource);
            Instant now = steps.now();
            return grants.take(turn, current, holder, now, LockGrants.Precedence.IN_TURN, null);
        });
        return grants.countingConflicts(outcome);
    }

    /**
     * Extends the lease of the holder of {@code token}. A lapsed lease that nobody took or swept
     * yet is revived under the same token; otherwise the answer says how the lock was lost.
     */
    public RenewOutcome renew(ResourceId resource, String holderKey, long token) {
        return steps.atomically(() -> {
            Optional<LockInfo> current = store.findForUpdate(resource);
            Instant now = steps.now();
            Optional<LockInfo> own = current.filter(lock -> isHeldBy(lock, holderKey, token));
            if (own.isPresent()) {
                return new Renewed(grants.extend(own.get(), now).expiresAt());
            }
            return new Lost(losses.lossOf(resource, token, current, now));
        });
    }

    /**
     * Gives the lock up; the first in its line, if anyone waits, gets a reservation. False when
     * this holder key and token no longer hold it.
     */
    public boolean release(ResourceId resource, String holderKey, long token) {
        return release(resource, holderKey, token, null);
    }

    /**
     * Gives the lock up after the holder saved what it protects, which the resource's history
     * shows; false when this holder key and token no longer hold it.
     */
    public boolean releaseAfterSave(ResourceId resource, String holderKey, long token) {
        return release(resource, holderKey, token, SAVED);
    }

    /**
     * Gives the lock up because the node that served its holder is stopping, which the resource's
     * history shows; false when this holder key and token no longer hold it.
     */
    public boolean releaseAsNodeStops(ResourceId resource, String holderKey, long token) {
        return release(resource, holderKey, token, NODE_STOPPED);
    }

    private boolean release(ResourceId resource, String holderKey, long token, @Nullable String reason) {
        return steps.atomically(() -> {
            Turn turn = turns.lock(resource);
            Optional<LockInfo> current = store.findForUpdate(resource).filter(lock -> isHeldBy(lock, holderKey, token));
            if (current.isEmpty()) {
                return false;
            }
            LockInfo lock = current.get();
            Instant now = steps.now();
            store.delete(resource, token);
            steps.audit(LockAction.RELEASED, lock, lock.holder().user(), reason, now);
            steps.publish(new LockEvent.Released(resource, lock.holder(), token, now));
            turns.handOn(turn, now);
            return true;
        });
    }

    /**
     * Fencing: inside the caller's transaction, checks that {@code token} holds a live lock on
     * {@code resource} and keeps the lock row locked until that transaction ends, so the lock
     * cannot change hands halfway through the write it protects.
     *
     * @throws LockLostException saying how the lock was lost and to whom
     */
    public LockInfo requireHeld(ResourceId resource, long token) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("requireHeld must run inside the transaction of the write it fences");
        }
        Optional<LockInfo> current = store.findForUpdate(resource);
        Instant now = steps.now();
        return current.filter(lock -> lock.token() == token && lock.isLive(now))
                .orElseThrow(() -> new LockLostException(losses.lossOf(resource, token, current, now)));
    }

    /** The live lock on {@code resource}, if any. */
    public Optional<LockInfo> find(ResourceId resource) {
        Instant now = steps.now();
        return store.find(resource).filter(lock -> lock.isLive(now));
    }

    /** All live locks, oldest first. */
    public List<LockInfo> currentLocks() {
        return store.findLive(steps.now());
    }

    private static boolean isHeldBy(LockInfo lock, String holderKey, long token) {
        return lock.token() == token && lock.holder().holderKey().equals(holderKey);
    }
}
