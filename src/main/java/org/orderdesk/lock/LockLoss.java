package org.orderdesk.lock;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Why a holder no longer holds its lock, and because of whom.
 *
 * @param by who has it now or who ended it: the new holder, the supervisor who took it over or
 *     broke it; null when it simply expired or was released
 * @param comment the reason given for a take-over or a break
 * @param at when the hold ended, when known
 */
public record LockLoss(
        ResourceId resource,
        Reason reason,
        @Nullable LockUser by,
        @Nullable String comment,
        @Nullable Instant at) {

    public enum Reason {
        /** The lease ran out; {@code by} is whoever took the lock afterwards, if anyone. */
        EXPIRED,
        /** Another user (a supervisor) took it over. */
        TAKEN_OVER,
        /** The same user took it over from another editor instance (another tab). */
        MOVED,
        /** A supervisor broke it. */
        BROKEN,
        /** It was released by its holder. */
        RELEASED,
        /** No record says how it ended (the audit may have been purged). */
        UNKNOWN
    }

    /** One sentence for the clerk, naming who has the lock now where there is someone. */
    public String message() {
        return message(resource.toString());
    }

    /** The same sentence, naming the resource as the clerk knows it ("order OD-000042"). */
    public String message(String resourceName) {
        String byName = by == null ? "" : by.displayName();
        String because = comment == null || comment.isBlank() ? "" : " (reason: " + comment + ")";
        return switch (reason) {
            case EXPIRED ->
                by == null
                        ? "Lock lost: your lock on " + resourceName + " expired"
                        : "Lock lost to " + byName + ": your lock on " + resourceName + " expired and " + byName
                                + " took it";
            case TAKEN_OVER -> "Lock lost to " + byName + ": " + byName + " took over " + resourceName + because;
            case MOVED -> "Lock moved to your other tab: you are editing " + resourceName + " there";
            case BROKEN -> "Lock lost: " + byName + " broke your lock on " + resourceName + because;
            case RELEASED -> "Lock released: you no longer hold the lock on " + resourceName;
            case UNKNOWN ->
                by == null
                        ? "Lock lost: you no longer hold the lock on " + resourceName
                        : "Lock lost to " + byName + ": " + byName + " holds " + resourceName + " now";
        };
    }
}
