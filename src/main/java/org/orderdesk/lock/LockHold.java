package org.orderdesk.lock;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One hold of a lock as its history lists it: who held it, from when to when, and how it ended.
 *
 * @param to when the hold ended (for a lapsed lease, when the lease ran out); null while it is
 *     still held, or when no record says
 * @param endedBy who ended it: the supervisor who took it over or broke it, or the holder who
 *     moved to another tab; null otherwise
 * @param reason the reason given for a take-over or a break
 */
public record LockHold(
        long token,
        LockUser holder,
        Instant from,
        @Nullable Instant to,
        Ending ending,
        @Nullable LockUser endedBy,
        @Nullable String reason) {

    public enum Ending {
        /** Nobody ended it yet and its lease runs. */
        STILL_HELD,
        /** The holder saved what the lock protects, then let it go. */
        SAVED,
        /** The holder let it go without saving. */
        RELEASED,
        /** The lease ran out unrenewed. */
        LAPSED,
        /** A supervisor took it over. */
        TAKEN_OVER,
        /** A supervisor broke it. */
        BROKEN,
        /** The holder moved editing to another of their tabs. */
        MOVED,
        /** No record says how it ended. */
        UNKNOWN
    }
}
