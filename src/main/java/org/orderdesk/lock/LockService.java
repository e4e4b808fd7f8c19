package org.orderdesk.lock;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.orderdesk.lock.AcquireOutcome.Acquired;
import org.orderdesk.lock.AcquireOutcome.HeldByOther;
import org.orderdesk.lock.AcquireOutcome.HeldBySameUser;
import org.orderdesk.lock.RenewOutcome.Lost;
import org.orderdesk.lock.RenewOutcome.Renewed;
import org.orderdesk.security.UserAccountService;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Edit locks as leases. Each operation is one database transaction that locks the lock row
 * ({@code SELECT ... FOR UPDATE}) before deciding, so two nodes on one database never both win;
 * the time is read after the row lock is granted. Every change is audited (a renewal is counted on
 * its hold's audit row) and announced as a {@link LockEvent} after it commits.
 */
@Service
public class LockService {

    /** The longest reason a take-over or a broken lock may give. */
    public static final int REASON_MAX_LENGTH = 500;

    private final LockStore store;
    private final LockTransactions steps;
    private final LockProperties settings;
    private final LockMetrics metrics;
    private final UserAccountService users;

    LockService(
            LockStore store,
            LockTransactions steps,
            LockProperties settings,
            LockMetrics metrics,
            UserAccountService users) {
        this.store = store;
        this.steps = steps;
        this.settings = settings;
        this.metrics = metrics;
        this.users = users;
    }

    /**
     * Takes the lock when it is free, expired, or already held under the same holder key (which
     * extends it). Otherwise says who holds it; the same user in another tab is its own answer.
     */
    public AcquireOutcome acquire(ResourceId resource, LockHolder holder) {
        AcquireOutcome outcome = steps.atomically(() -> {
            Optional<LockInfo> current = store.findForUpdate(resource);
            Instant now = steps.now();
            Optional<Acquired> taken = takeIfAvailable(resource, current, holder, now);
            return taken.isPresent() ? taken.get() : conflict(current.orElseThrow(), holder);
        });
        return countingConflicts(outcome);
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
                return new Renewed(extend(own.get(), now).expiresAt());
            }
            return new Lost(lossOf(resource, token, current, now));
        });
    }

    /** Gives the lock up; false when this holder key and token no longer hold it. */
    public boolean release(ResourceId resource, String holderKey, long token) {
        return steps.atomically(() -> {
            Optional<LockInfo> current = store.findForUpdate(resource).filter(lock -> isHeldBy(lock, holderKey, token));
            if (current.isEmpty()) {
                return false;
            }
            LockInfo lock = current.get();
            Instant now = steps.now();
            store.delete(resource, token);
            steps.audit(LockAction.RELEASED, lock, lock.holder().user(), null, now);
            steps.publish(new LockEvent.Released(resource, lock.holder(), token, now));
            return true;
        });
    }

    /**
     * Takes the lock from its holder under a new token; the previous holder learns of it from a
     * {@link LockEvent.TakenOver}. Allowed to the same user from another holder key (moving
     * editing to this tab) and to supervisors, who must give a reason.
     *
     * @throws AccessDeniedException for anyone else, whatever the caller's view showed
     */
    public Acquired takeOver(ResourceId resource, LockHolder newHolder, @Nullable String reason) {
        return steps.atomically(() -> {
            Optional<LockInfo> current = store.findForUpdate(resource);
            Instant now = steps.now();
            return takeIfAvailable(resource, current, newHolder, now)
                    .orElseGet(() -> takeFrom(current.orElseThrow(), newHolder, reason, now));
        });
    }

    /**
     * Takes over the hold of {@code token} only: the one the supervisor saw when deciding. When the
     * lock is free by now, it is simply taken; when another hold replaced that one meanwhile, the
     * answer says who holds it and nothing changes.
     *
     * @throws AccessDeniedException when another user holds it and {@code newHolder} is no supervisor
     */
    public AcquireOutcome takeOver(ResourceId resource, long token, LockHolder newHolder, @Nullable String reason) {
        return takeWhere(resource, newHolder, lock -> lock.token() == token, reason);
    }

    /**
     * Moves the user's editing to {@code holder}'s tab: takes the lock from the same user's other
     * holder key, or simply takes it when it is free. When another user holds it by now (the other
     * tab's lease ran out and someone took it), that is the answer and nothing changes.
     */
    public AcquireOutcome moveHere(ResourceId resource, LockHolder holder) {
        return takeWhere(resource, holder, lock -> lock.holder().isSameUser(holder), null);
    }

    /** Takes the lock when it is available, or from a live hold that {@code mayTake}; otherwise says who holds it. */
    private AcquireOutcome takeWhere(
            ResourceId resource, LockHolder holder, Predicate<LockInfo> mayTake, @Nullable String reason) {
        AcquireOutcome outcome = steps.atomically(() -> {
            Optional<LockInfo> current = store.findForUpdate(resource);
            Instant now = steps.now();
            Optional<Acquired> taken = takeIfAvailable(resource, current, holder, now);
            if (taken.isPresent()) {
                return taken.get();
            }
            LockInfo lock = current.orElseThrow();
            return mayTake.test(lock) ? takeFrom(lock, holder, reason, now) : conflict(lock, holder);
        });
        return countingConflicts(outcome);
    }

    /**
     * Ends someone's lock without taking it; the holder learns who broke it and why.
     *
     * @return false when there was no lock to break
     * @throws AccessDeniedException when {@code supervisor} is not one
     */
    public boolean breakLock(ResourceId resource, LockUser supervisor, String reason) {
        return breakHold(resource, lock -> true, supervisor, reason);
    }

    /**
     * Ends the hold of {@code token} only: the one a supervisor saw when deciding to break it. If
     * that hold has ended and the lock changed hands meanwhile, the new holder keeps it.
     *
     * @return false when that hold had already ended
     * @throws AccessDeniedException when {@code supervisor} is not one
     */
    public boolean breakLock(ResourceId resource, long token, LockUser supervisor, String reason) {
        return breakHold(resource, lock -> lock.token() == token, supervisor, reason);
    }

    private boolean breakHold(ResourceId resource, Predicate<LockInfo> meant, LockUser supervisor, String reason) {
        requireSupervisor(supervisor, "break locks");
        String why = requireReason(reason);
        return steps.atomically(() -> {
            Optional<LockInfo> current = store.findForUpdate(resource).filter(meant);
            if (current.isEmpty()) {
                return false;
            }
            LockInfo lock = current.get();
            Instant now = steps.now();
            store.delete(resource, lock.token());
            steps.audit(LockAction.BROKEN, lock, supervisor, why, now);
            steps.publish(new LockEvent.Broken(resource, lock.holder(), lock.token(), supervisor, why, now));
            return true;
        });
    }

    /**
     * Asks the holder to release; nothing changes unless they do. A requester may ask about the
     * same resource once per {@code release-request-interval}, counted from the audit trail, so
     * that every node of a cluster keeps the same limit.
     */
    public ReleaseRequest requestRelease(ResourceId resource, LockUser requester) {
        return steps.atomically(() -> {
            Optional<LockInfo> locked = store.findForUpdate(resource);
            Instant now = steps.now();
            Optional<LockInfo> current = locked.filter(lock -> lock.isLive(now))
                    .filter(lock -> !lock.holder().username().equals(requester.username()));
            if (current.isEmpty()) {
                return new ReleaseRequest.NobodyToAsk();
            }
            LockInfo lock = current.get();
            Optional<Instant> askAgainAt = store.lastReleaseRequest(resource, requester.username())
                    .map(asked -> asked.plus(settings.releaseRequestInterval()))
                    .filter(next -> next.isAfter(now));
            if (askAgainAt.isPresent()) {
                return new ReleaseRequest.TooSoon(lock.holder().user(), askAgainAt.get());
            }
            steps.audit(LockAction.RELEASE_REQUESTED, lock, requester, null, now);
            steps.publish(new LockEvent.ReleaseRequested(resource, lock.holder(), lock.token(), requester, now));
            return new ReleaseRequest.Sent(lock.holder().user());
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
                .orElseThrow(() -> new LockLostException(lossOf(resource, token, current, now)));
    }

    /**
     * How the hold of {@code token} ended, said the way a renewal or a fenced save would say it;
     * empty while {@code token} still holds a live lease.
     */
    public Optional<LockLoss> lossOf(ResourceId resource, long token) {
        Optional<LockInfo> current = store.find(resource);
        Instant now = steps.now();
        if (current.filter(lock -> lock.token() == token && lock.isLive(now)).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(lossOf(resource, token, current, now));
    }

    /** The live lock on {@code resource}, if any. */
    public Optional<LockInfo> find(ResourceId resource) {
        Instant now = steps.now();
        return store.find(resource).filter(lock -> lock.isLive(now));
    }

    /** All live locks, oldest first, for the locks admin view. */
    public List<LockInfo> currentLocks() {
        return store.findLive(steps.now());
    }

    /** The audit trail, newest first, a page with its total. */
    public Page<LockAuditEntry> auditTrail(AuditFilter filter, Pageable page) {
        return new PageImpl<>(auditEntries(filter, page), page, countAudit(filter));
    }

    /** One page of the audit trail, newest first, for a caller that counts it apart (once per filter). */
    public List<LockAuditEntry> auditEntries(AuditFilter filter, Pageable page) {
        return store.findAudit(filter, page.getOffset(), page.getPageSize());
    }

    public long countAudit(AuditFilter filter) {
        return store.countAudit(filter);
    }

    private AcquireOutcome countingConflicts(AcquireOutcome outcome) {
        if (!(outcome instanceof Acquired)) {
            metrics.conflict();
        }
        return outcome;
    }

    /** Grants the lock when nobody else holds a live lease on it; empty when somebody does. */
    private Optional<Acquired> takeIfAvailable(
            ResourceId resource, Optional<LockInfo> current, LockHolder holder, Instant now) {
        if (current.isEmpty()) {
            return Optional.of(grant(resource, holder, now, null));
        }
        LockInfo lock = current.get();
        if (lock.holder().isSameUser(holder) && lock.holder().holderKey().equals(holder.holderKey())) {
            LockInfo extended = extend(lock, now);
            return Optional.of(new Acquired(lock.token(), lock.acquiredAt(), extended.expiresAt()));
        }
        if (!lock.isLive(now)) {
            steps.recordExpiry(lock, holder.user(), now);
            return Optional.of(grant(resource, holder, now, lock.token()));
        }
        return Optional.empty();
    }

    private AcquireOutcome conflict(LockInfo lock, LockHolder holder) {
        if (lock.holder().isSameUser(holder)) {
            return new HeldBySameUser(lock.holder().holderKey(), lock.acquiredAt(), lock.expiresAt());
        }
        return new HeldByOther(lock.holder().user(), lock.acquiredAt(), lock.expiresAt());
    }

    private Acquired grant(ResourceId resource, LockHolder holder, Instant now, @Nullable Long replacedToken) {
        long token = store.nextToken();
        LockInfo lock = LockInfo.granted(resource, holder, token, now, settings.lease());
        if (replacedToken == null) {
            store.insert(lock);
            // An insert can wait for a concurrent one on the same key to end (H2 does): the hold
            // begins once the insert went through, so it is stamped with the time read after it.
            Instant inserted = steps.now();
            lock = LockInfo.granted(resource, holder, token, inserted, settings.lease());
            store.replace(lock, token);
        } else {
            store.replace(lock, replacedToken);
        }
        steps.audit(LockAction.ACQUIRED, lock, holder.user(), null, lock.acquiredAt());
        steps.publish(new LockEvent.Acquired(resource, holder, token, lock.expiresAt(), lock.acquiredAt()));
        return new Acquired(token, lock.acquiredAt(), lock.expiresAt());
    }

    private LockInfo extend(LockInfo lock, Instant now) {
        LockInfo renewed = lock.renewed(now, settings.lease());
        store.replace(renewed, lock.token());
        steps.auditRenewal(renewed, now);
        steps.publish(new LockEvent.Renewed(lock.resource(), lock.holder(), lock.token(), renewed.expiresAt(), now));
        return renewed;
    }

    private Acquired takeFrom(LockInfo lock, LockHolder newHolder, @Nullable String reason, Instant now) {
        boolean sameUser = lock.holder().isSameUser(newHolder);
        if (!sameUser) {
            requireSupervisor(newHolder.user(), "take over " + lock.holder().displayName() + "'s lock");
        }
        String why = sameUser ? null : requireReason(reason);
        LockInfo taken = LockInfo.granted(lock.resource(), newHolder, store.nextToken(), now, settings.lease());
        store.replace(taken, lock.token());
        steps.audit(LockAction.TAKEN_OVER, lock, newHolder.user(), why, now);
        steps.audit(LockAction.ACQUIRED, taken, newHolder.user(), why, now);
        steps.publish(new LockEvent.TakenOver(
                lock.resource(), lock.holder(), lock.token(), newHolder, taken.token(), taken.expiresAt(), why, now));
        return new Acquired(taken.token(), now, taken.expiresAt());
    }

    /** How the hold of {@code token} ended, from the audit trail and whoever holds the lock now. */
    private LockLoss lossOf(ResourceId resource, long token, Optional<LockInfo> current, Instant now) {
        LockUser holderNow = current.filter(lock -> lock.token() != token && lock.isLive(now))
                .map(lock -> lock.holder().user())
                .orElse(null);
        Optional<LockAuditEntry> end = store.findEndOfHold(token);
        if (end.isEmpty()) {
            Optional<LockInfo> lapsed = current.filter(lock -> lock.token() == token && !lock.isLive(now));
            return lapsed.map(lock -> new LockLoss(resource, LockLoss.Reason.EXPIRED, null, null, lock.expiresAt()))
                    .orElseGet(() -> new LockLoss(resource, LockLoss.Reason.UNKNOWN, holderNow, null, null));
        }
        LockAuditEntry entry = end.get();
        LockUser actor = entry.actor();
        boolean bySameUser =
                actor != null && actor.username().equals(entry.holder().username());
        return switch (entry.action()) {
            case TAKEN_OVER ->
                bySameUser
                        ? new LockLoss(resource, LockLoss.Reason.MOVED, actor, null, entry.at())
                        : new LockLoss(resource, LockLoss.Reason.TAKEN_OVER, actor, entry.reason(), entry.at());
            case BROKEN -> new LockLoss(resource, LockLoss.Reason.BROKEN, actor, entry.reason(), entry.at());
            case RELEASED -> new LockLoss(resource, LockLoss.Reason.RELEASED, null, null, entry.at());
            // The clerk who found the lease ended and took the lock is its actor; after the
            // sweeper removed it, whoever holds it now is the best answer.
            default ->
                bySameUser
                        ? new LockLoss(resource, LockLoss.Reason.MOVED, actor, null, entry.at())
                        : new LockLoss(
                                resource, LockLoss.Reason.EXPIRED, actor != null ? actor : holderNow, null, entry.at());
        };
    }

    private static boolean isHeldBy(LockInfo lock, String holderKey, long token) {
        return lock.token() == token && lock.holder().holderKey().equals(holderKey);
    }

    private void requireSupervisor(LockUser user, String action) {
        if (!users.isSupervisor(user.username())) {
            throw new AccessDeniedException(user.displayName() + " may not " + action + ": only supervisors may");
        }
    }

    private static String requireReason(@Nullable String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("A reason is required");
        }
        String trimmed = reason.strip();
        if (trimmed.length() > REASON_MAX_LENGTH) {
            throw new IllegalArgumentException("The reason is limited to " + REASON_MAX_LENGTH + " characters");
        }
        return trimmed;
    }
}
