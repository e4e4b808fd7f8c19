package org.orderdesk.lock;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.orderdesk.lock.LockHold.Ending;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/**
 * The holds of one resource, newest first, read from the audit trail: who held it, from when to
 * when, and how each hold ended. One query per page, counted apart.
 */
@Service
public class LockHistory {

    private final LockStore store;
    private final LockTransactions steps;
    private final LockProperties settings;

    LockHistory(LockStore store, LockTransactions steps, LockProperties settings) {
        this.store = store;
        this.steps = steps;
        this.settings = settings;
    }

    /** One page of the holds of {@code resource}, newest first. */
    public List<LockHold> holds(ResourceId resource, Pageable page) {
        List<StoredHold> stored = store.findHolds(resource, page.getOffset(), page.getPageSize());
        Instant now = steps.now();
        return stored.stream().map(hold -> hold(hold, now)).toList();
    }

    /** How many times {@code resource} was held. */
    public long count(ResourceId resource) {
        return store.countHolds(resource);
    }

    private LockHold hold(StoredHold stored, Instant now) {
        LockAuditEntry end = stored.end();
        if (end == null) {
            return unended(stored, now);
        }
        LockUser actor = end.actor();
        return switch (end.action()) {
            case RELEASED ->
                ended(stored, end.at(), LockService.SAVED.equals(end.reason()) ? Ending.SAVED : Ending.RELEASED);
            case EXPIRED -> ended(stored, lapsedAt(stored, end.at()), Ending.LAPSED);
            case TAKEN_OVER ->
                actor != null && actor.username().equals(stored.holder().username())
                        ? new LockHold(
                                stored.token(),
                                stored.holder(),
                                stored.acquiredAt(),
                                end.at(),
                                Ending.MOVED,
                                actor,
                                null)
                        : new LockHold(
                                stored.token(),
                                stored.holder(),
                                stored.acquiredAt(),
                                end.at(),
                                Ending.TAKEN_OVER,
                                actor,
                                end.reason());
            case BROKEN ->
                new LockHold(
                        stored.token(),
                        stored.holder(),
                        stored.acquiredAt(),
                        end.at(),
                        Ending.BROKEN,
                        actor,
                        end.reason());
            case ACQUIRED,
                    RELEASE_REQUESTED,
                    RELEASE_DEFERRED,
                    RELEASE_DECLINED,
                    RESERVED,
                    RESERVATION_DECLINED,
                    RESERVATION_LAPSED,
                    RESERVATION_VOIDED -> ended(stored, null, Ending.UNKNOWN);
        };
    }

    /** No entry ended it: held still, or lapsed and not yet swept, or (its lock row gone) unknown. */
    private static LockHold unended(StoredHold stored, Instant now) {
        Instant leaseEndsAt = stored.leaseEndsAt();
        if (leaseEndsAt == null) {
            return ended(stored, null, Ending.UNKNOWN);
        }
        return leaseEndsAt.isAfter(now)
                ? ended(stored, null, Ending.STILL_HELD)
                : ended(stored, leaseEndsAt, Ending.LAPSED);
    }

    /**
     * A lapsed lease ended one lease after its last renewal, which may be well before the sweeper
     * or the next clerk noticed and recorded it.
     */
    private Instant lapsedAt(StoredHold stored, Instant recordedAt) {
        Instant lastRenewedAt = stored.lastRenewedAt();
        Instant lastActive = lastRenewedAt == null ? stored.acquiredAt() : lastRenewedAt;
        Instant leaseEnd = lastActive.plus(settings.lease());
        return leaseEnd.isBefore(recordedAt) ? leaseEnd : recordedAt;
    }

    private static LockHold ended(StoredHold stored, @Nullable Instant to, Ending ending) {
        return new LockHold(stored.token(), stored.holder(), stored.acquiredAt(), to, ending, null, null);
    }
}
