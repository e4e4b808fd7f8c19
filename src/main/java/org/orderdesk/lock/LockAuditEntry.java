package org.orderdesk.lock;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One line of the lock audit trail.
 *
 * @param token the fencing token of the hold the entry is about
 * @param holder whose hold it is
 * @param actor who did it; the holder itself, another user, or null for the system (the sweeper)
 * @param renewals on the hold's {@link LockAction#ACQUIRED} entry, how often the hold was renewed
 *     so far; 0 on every other entry
 * @param lastRenewedAt on the hold's ACQUIRED entry, when it was last renewed; null until then
 */
public record LockAuditEntry(
        long id,
        Instant at,
        ResourceId resource,
        LockAction action,
        long token,
        LockUser holder,
        @Nullable LockUser actor,
        @Nullable String reason,
        int renewals,
        @Nullable Instant lastRenewedAt) {

    /** A new entry, written before any renewal. */
    static LockAuditEntry of(
            Instant at,
            ResourceId resource,
            LockAction action,
            long token,
            LockUser holder,
            @Nullable LockUser actor,
            @Nullable String reason) {
        return new LockAuditEntry(0, at, resource, action, token, holder, actor, reason, 0, null);
    }
}
