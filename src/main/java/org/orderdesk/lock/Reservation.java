package org.orderdesk.lock;

import java.time.Duration;
import java.time.Instant;

/**
 * A free resource kept for the first clerk in its waiting line: until {@code expiresAt} only
 * {@code user} may acquire it. Its {@code id} comes from the fencing-token sequence, so that it
 * orders with the holds before and after it.
 */
public record Reservation(ResourceId resource, LockUser user, long id, Instant reservedAt, Instant expiresAt) {

    public boolean isLive(Instant now) {
        return expiresAt.isAfter(now);
    }

    /** Time left, never negative. */
    public Duration remaining(Instant now) {
        return isLive(now) ? Duration.between(now, expiresAt) : Duration.ZERO;
    }

    public boolean isFor(String username) {
        return user.username().equals(username);
    }
}
