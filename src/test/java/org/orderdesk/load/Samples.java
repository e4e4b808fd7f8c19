package org.orderdesk.load;

import java.util.Arrays;

/** Latencies of one operation, in nanoseconds; safe to add to from many threads. */
final class Samples {

    private long[] values = new long[1024];
    private int size;

    synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    synchronized Latency summary(String operation, double seconds) {
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        return new Latency(
                operation,
                size,
                size / seconds,
                millis(percentile(sorted, 50)),
                millis(percentile(sorted, 95)),
                millis(percentile(sorted, 99)),
                millis(size == 0 ? 0 : sorted[size - 1]));
    }

    /** Nearest rank: the smallest sample with at least {@code percent}% of the samples at or below it. */
    private static long percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    /** One row of the latency table: throughput and nearest-rank percentiles in ms. */
    record Latency(String operation, int count, double perSecond, double p50, double p95, double p99, double max) {}
}
