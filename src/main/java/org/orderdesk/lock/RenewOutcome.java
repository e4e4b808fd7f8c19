package org.orderdesk.lock;

import java.time.Instant;

/** The answer to a renewal. */
public sealed interface RenewOutcome {

    record Renewed(Instant expiresAt) implements RenewOutcome {}

    record Lost(LockLoss loss) implements RenewOutcome {}
}
