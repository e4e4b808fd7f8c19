package org.orderdesk.lock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Lock timing ({@code orderdesk.lock.*}), checked when the application starts so that a bad
 * combination fails fast with the name of the setting rather than surprising a clerk later.
 *
 * @param lease how long a lock lives without renewal
 * @param renewInterval how often an active editor renews its lock; the editor accepts at most one
 *     renewal per half of it
 * @param idleTimeout after this long without typing or clicking, the editor stops renewing, and
 *     the server refuses its renewals
 * @param warnBefore how long before the end of an unrenewed lease the sweeper announces it; a
 *     sweep may come up to one {@code sweepInterval} late, so the warning comes at least {@code
 *     warnBefore - sweepInterval} before the end, which must leave the clerk {@link
 *     #MINIMUM_WARNING} to extend (WCAG 2.2.1, Timing Adjustable)
 * @param sweepInterval how often the sweeper looks for leases that end soon or have ended
 * @param sweeperEnabled whether this node runs the sweeper (tests drive it by hand)
 * @param releaseRequestInterval how long a clerk waits before asking the same holder again
 * @param releaseMoreTime how much more time a holder asks for when answering "Give me 5 minutes"
 *     to a request to release; once it has passed without a release, the holder is reminded. Whole
 *     minutes, as the holder's button and the requester's answer say it in minutes
 * @param reservation how long a free order is kept for the first clerk in its waiting line
 */
@ConfigurationProperties("orderdesk.lock")
public record LockProperties(
        @DefaultValue("120s") Duration lease,
        @DefaultValue("30s") Duration renewInterval,
        @DefaultValue("5m") Duration idleTimeout,
        @DefaultValue("60s") Duration warnBefore,
        @DefaultValue("5s") Duration sweepInterval,
        @DefaultValue("true") boolean sweeperEnabled,
        @DefaultValue("60s") Duration releaseRequestInterval,
        @DefaultValue("5m") Duration releaseMoreTime,
        @DefaultValue("30s") Duration reservation) {

    /** The least time an expiry warning leaves its holder to extend the lock: WCAG 2.2.1 asks for 20 s. */
    public static final Duration MINIMUM_WARNING = Duration.ofSeconds(20);

    private static final String PREFIX = "orderdesk.lock.";

    public LockProperties {
        List<String> problems = new ArrayList<>();
        requirePositive(problems, "lease", lease);
        requirePositive(problems, "renew-interval", renewInterval);
        requirePositive(problems, "idle-timeout", idleTimeout);
        requirePositive(problems, "warn-before", warnBefore);
        requirePositive(problems, "sweep-interval", sweepInterval);
        requirePositive(problems, "release-request-interval", releaseRequestInterval);
        requirePositive(problems, "release-more-time", releaseMoreTime);
        requirePositive(problems, "reservation", reservation);
        if (problems.isEmpty()) {
            if (warnBefore.compareTo(lease) >= 0) {
                problems.add(setting("warn-before", warnBefore) + " must be shorter than " + setting("lease", lease));
            } else if (lease.minus(warnBefore).compareTo(renewInterval.dividedBy(2)) < 0) {
                problems.add(
                        setting("warn-before", warnBefore) + " must be at most " + setting("lease", lease)
                                + " minus half of " + setting("renew-interval", renewInterval)
                                + ", or Keep editing on the expiry warning could come too soon after a renewal to extend the lock");
            }
            if (renewInterval.multipliedBy(3).compareTo(lease) > 0) {
                problems.add(setting("renew-interval", renewInterval) + " must be at most a third of "
                        + setting("lease", lease) + ", so that two missed renewals do not lose the lock");
            }
            if (warnBefore.minus(sweepInterval).compareTo(MINIMUM_WARNING) < 0) {
                problems.add(setting("warn-before", warnBefore) + " minus " + setting("sweep-interval", sweepInterval)
                        + " must be at least " + format(MINIMUM_WARNING)
                        + ": a sweep can come one interval late, and the expiry warning must leave the clerk "
                        + format(MINIMUM_WARNING) + " to extend the lock");
            }
            if (reservation.compareTo(sweepInterval) <= 0) {
                problems.add(setting("reservation", reservation) + " must be longer than "
                        + setting("sweep-interval", sweepInterval)
                        + ", or the next clerk in line could wait for the sweeper longer than a turn lasts");
            }
            if (idleTimeout.compareTo(renewInterval) < 0) {
                problems.add(setting("idle-timeout", idleTimeout) + " must be at least "
                        + setting("renew-interval", renewInterval) + ", or an active editor would never renew");
            }
            if (releaseMoreTime.toSecondsPart() != 0 || releaseMoreTime.toNanosPart() != 0) {
                problems.add(setting("release-more-time", releaseMoreTime)
                        + " must be whole minutes, as clerks are told it in minutes");
            }
            if (sweepInterval.compareTo(releaseMoreTime) >= 0) {
                problems.add(setting("sweep-interval", sweepInterval) + " must be shorter than "
                        + setting("release-more-time", releaseMoreTime) + ", or the reminder could come too late");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid lock settings: " + String.join("; ", problems));
        }
    }

    private static void requirePositive(List<String> problems, String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            problems.add(setting(name, value) + " must be positive");
        }
    }

    private static String setting(String name, Duration value) {
        return PREFIX + name + " (" + format(value) + ")";
    }

    /** "2m", "20s", "500ms". */
    public static String format(Duration value) {
        return value.toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
