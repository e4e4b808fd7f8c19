package org.orderdesk.lock;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.orderdesk.lock.AcquireOutcome.Acquired;
import org.orderdesk.lock.AcquireOutcome.HeldByOther;
import org.orderdesk.lock.AcquireOutcome.HeldBySameUser;
import org.springframework.stereotype.Component;

/**
 * Granting and extending holds, inside a step that already locked the lock row: what acquiring
 * and taking over share, so both decide "is it available?" the same way.
 */
@Component
class LockGrants {

    private final LockStore store;
    private final LockTransactions steps;
    private final LockProperties settings;
    private final LockMetrics metrics;

    LockGrants(LockStore store, LockTransactions steps, LockProperties settings, LockMetrics metrics) {
        this.store = store;
        this.steps = steps;
        this.settings = settings;
        this.metrics = metrics;
    }

    /** Grants the lock when nobody else holds a live lease on it; empty when somebody does. */
    Optional<Acquired> takeIfAvailable(
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
}
