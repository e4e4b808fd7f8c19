package org.orderdesk.lock;

import java.time.Duration;
import java.time.Instant;

/** A lock as stored: who holds it under which fencing token, since when and until when. */
public record LockInfo(
        ResourceId resource,
        LockHolder holder,
        long token,
        Instant acquiredAt,
        Instant renewedAt,
        Instant expiresAt,
        boolean expiryWarned) {

    /** A fresh lease for a new holder, starting now. */
    static LockInfo granted(ResourceId resource, LockHolder holder, long token, Instant now, Duration lease) {
        return new LockInfo(resource, holder, token, now, now, now.plus(lease), false);
    }

    public boolean isLive(Instant now) {
        return expiresAt.isAfter(now);
    }

    /** Time left on the lease, never negative. */
    public Duration remaining(Instant now) {
        return isLive(now) ? Duration.between(now, expiresAt) : Duration.ZERO;
    }

    /** This lease, with its coming end announced to its holder. */
    LockInfo announced() {
        return new LockInfo(resource, holder, token, acquiredAt, renewedAt, expiresAt, true);
    }

    LockInfo renewed(Instant now, Duration lease) {
        return new LockInfo(resource, holder, token, acquiredAt, now, now.plus(lease), false);
    }
}
