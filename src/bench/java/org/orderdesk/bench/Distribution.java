package org.orderdesk.bench;

import java.util.Arrays;
import java.util.Collection;

/**
 * Samples summed up as a clerk would ask about them: the typical case, the bad case and the worst.
 * Percentiles are nearest-rank: p95 of 50 runs is the 48th fastest, a run that really happened.
 */
public record Distribution(int n, double p50, double p95, double p99, double max, double mean) {

    public static Distribution of(double[] samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        return new Distribution(
                sorted.length,
                rank(sorted, 50),
                rank(sorted, 95),
                rank(sorted, 99),
                sorted[sorted.length - 1],
                Arrays.stream(sorted).average().orElseThrow());
    }

    public static Distribution of(Collection<? extends Number> samples) {
        return of(samples.stream().mapToDouble(Number::doubleValue).toArray());
    }

    private static double rank(double[] sorted, int percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
