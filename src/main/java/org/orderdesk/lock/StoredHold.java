package org.orderdesk.lock;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A hold as the store reads it in one row: its ACQUIRED audit entry, joined with the entry that
 * ended it (if any) and with its lock row (if it is still there).
 *
 * @param lastRenewedAt the hold's last renewal, if any
 * @param end the audit entry that ended the hold; null while none did
 * @param leaseEndsAt while the lock row of the hold is still there, when its lease ends
 */
record StoredHold(
        long token,
        LockUser holder,
        Instant acquiredAt,
        @Nullable Instant lastRenewedAt,
        @Nullable LockAuditEntry end,
        @Nullable Instant leaseEndsAt) {}
