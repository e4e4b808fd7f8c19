package org.orderdesk.bench.locks;

import java.util.Arrays;
import org.orderdesk.bench.Distribution;

/** Timings in microseconds, appended by one thread at a time without boxing. */
final class Samples {

    private double[] values = new double[1024];
    private int size;

    void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos / 1e3;
    }

    void addAll(Samples other) {
        for (int i = 0; i < other.size; i++) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = other.values[i];
        }
    }

    int size() {
        return size;
    }

    Distribution distribution() {
        return Distribution.of(Arrays.copyOf(values, size));
    }
}
