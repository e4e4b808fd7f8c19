package org.orderdesk.lock;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One line of the lock audit trail.
 *
 * @param token the fencing token of the hold the entry is about
 * @param holder whose hold it is
 * @param actor who did it; the holder itself, another user, or null for the system (the sweeper)
 */
public record LockAuditEntry(
        long id,
        Instant at,
        ResourceId resource,
        LockAction action,
        long token,
        LockUser holder,
        @Nullable LockUser actor,
        @Nullable String reason) {}
