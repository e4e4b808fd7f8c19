package org.orderdesk.order;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.orderdesk.lock.LockProperties;

/**
 * The server's own limits on one editor's renewals of one hold: a renewal goes to the lock engine
 * only when the clerk was active within {@code idle-timeout} and at least half a {@code
 * renew-interval} has passed since the hold's last renewal (or since it began). The editor's
 * script renews once per renew interval while the clerk is active; these limits hold whatever a
 * script in the page calls. A refused renewal costs nothing: no database access, no audit, no
 * event.
 *
 * <p>Activity is what the editor's browser reports with each renewal (how long ago the clerk
 * typed, clicked or moved in the editor) and what the server sees for itself: Keep editing, a
 * save, a changed value.
 */
public final class RenewalGate {

    /** Whether a renewal may go to the lock engine now, and if not, why not. */
    public enum Decision {
        ACCEPTED,
        /** Less than half a renew interval after the last renewal or the start of the hold. */
        TOO_SOON,
        /** The clerk has not been active within the idle timeout. */
        IDLE
    }

    private final Clock clock;
    private final Duration idleTimeout;
    private final Duration minimumGap;
    // Guarded by this: the editor calls under its session lock, but the gate does not rely on it.
    private Instant lastActivity;
    private Instant lastRenewal;

    /** For a hold that begins now: taking the lock was the clerk's doing, and its lease is fresh. */
    public RenewalGate(Clock clock, LockProperties settings) {
        this.clock = clock;
        this.idleTimeout = settings.idleTimeout();
        this.minimumGap = settings.renewInterval().dividedBy(2);
        Instant now = clock.instant();
        this.lastActivity = now;
        this.lastRenewal = now;
    }

    /** The server saw the clerk act just now. */
    public synchronized void activity() {
        lastActivity = clock.instant();
    }

    /**
     * The browser says the clerk last acted {@code idleMillis} ago. A report older than the idle
     * timeout (or no number at all) changes nothing; one from the future counts as now; activity
     * never moves back.
     */
    public synchronized void reported(double idleMillis) {
        if (!(idleMillis <= idleTimeout.toMillis())) {
            return;
        }
        Instant at = clock.instant().minusMillis(Math.round(Math.max(0, idleMillis)));
        if (at.isAfter(lastActivity)) {
            lastActivity = at;
        }
    }

    /** Whether the clerk has not been active within the idle timeout: a renewal now would be refused as idle. */
    public synchronized boolean clerkIdle() {
        return Duration.between(lastActivity, clock.instant()).compareTo(idleTimeout) > 0;
    }

    /** Decides on a renewal now; an accepted one counts as made, so the next must wait its turn. */
    public synchronized Decision admitRenewal() {
        Instant now = clock.instant();
        if (now.isBefore(lastRenewal.plus(minimumGap))) {
            return Decision.TOO_SOON;
        }
        if (Duration.between(lastActivity, now).compareTo(idleTimeout) > 0) {
            return Decision.IDLE;
        }
        lastRenewal = now;
        return Decision.ACCEPTED;
    }
}
