package org.orderdesk.lock;

import java.time.Instant;

/** The answer to an acquire or a take-over. */
public sealed interface AcquireOutcome {

    /** The caller holds the lock; {@code token} fences its saves. */
    record Acquired(long token, Instant acquiredAt, Instant expiresAt) implements AcquireOutcome {}

    /** Another user holds the lock. */
    record HeldByOther(LockUser holder, Instant since, Instant until) implements AcquireOutcome {}

    /** The same user holds the lock in another editor instance (another tab). */
    record HeldBySameUser(String otherHolderKey, Instant since, Instant until) implements AcquireOutcome {}

    /** Nobody holds the lock, but it is another clerk's turn: reserved for {@code user} until {@code until}. */
    record Reserved(LockUser user, Instant until) implements AcquireOutcome {}
}
