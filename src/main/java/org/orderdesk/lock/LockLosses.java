package org.orderdesk.lock;

import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * How a hold ended, read from the audit trail and whoever holds the lock now: expired and taken by
 * whom, taken over by a supervisor (with the reason), moved to the clerk's other tab, broken, or
 * released. A failed renewal, a fenced save and an editor that lost its lock all say it this way.
 */
@Service
public class LockLosses {

    private final LockStore store;
    private final LockTransactions steps;

    LockLosses(LockStore store, LockTransactions steps) {
        this.store = store;
        this.steps = steps;
    }

    /** How the hold of {@code token} ended; empty while {@code token} still holds a live lease. */
    public Optional<LockLoss> lossOf(ResourceId resource, long token) {
        Optional<LockInfo> current = store.find(resource);
        Instant now = steps.now();
        if (current.filter(lock -> lock.token() == token && lock.isLive(now)).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(lossOf(resource, token, current, now));
    }

    /** How the hold of {@code token} ended, given the lock row ({@code current}) as read at {@code now}. */
    LockLoss lossOf(ResourceId resource, long token, Optional<LockInfo> current, Instant now) {
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
}
