package org.orderdesk.cluster;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Whether this node hears the other nodes now: listening since a time, or not (with why and
 * since when).
 */
record ListenerState(
        boolean listening, Instant since, @Nullable String problem) {

    static ListenerState listening(Instant since) {
        return new ListenerState(true, since, null);
    }

    static ListenerState notListening(Instant since, String problem) {
        return new ListenerState(false, since, problem);
    }
}
