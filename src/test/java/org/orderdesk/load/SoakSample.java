package org.orderdesk.load;

import java.util.List;
import java.util.Locale;

/**
 * What one node holds on to at one minute of a soak: heap used after a full collection, live
 * platform threads, the pool's connections, the database's own sessions, event subscribers (each
 * open view or simulated clerk has one), HTTP sessions, lock rows, and the largest groups of
 * threads by name, so that a pool growing to its bound can be told from a leak.
 */
public record SoakSample(
        int minute,
        double heapAfterGcMb,
        int liveThreads,
        int poolTotal,
        int poolActive,
        long databaseSessions,
        int subscribers,
        int httpSessions,
        long lockRows,
        String threadPools) {

    static final String HEADER = String.format(
            Locale.ROOT,
            "%6s %10s %8s %10s %11s %11s %11s %13s %9s   %s",
            "minute",
            "heap MB",
            "threads",
            "pool total",
            "pool active",
            "db sessions",
            "subscribers",
            "http sessions",
            "lock rows",
            "largest thread groups");

    String row() {
        return String.format(
                Locale.ROOT,
                "%6d %10.1f %8d %10d %11d %11d %11d %13d %9d   %s",
                minute,
                heapAfterGcMb,
                liveThreads,
                poolTotal,
                poolActive,
                databaseSessions,
                subscribers,
                httpSessions,
                lockRows,
                threadPools);
    }

    static String table(List<SoakSample> samples) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        samples.forEach(sample -> out.append(sample.row()).append('\n'));
        return out.toString();
    }
}
