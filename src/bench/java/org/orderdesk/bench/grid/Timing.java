package org.orderdesk.bench.grid;

import org.orderdesk.bench.Distribution;

/** Wall-clock times of a request, in milliseconds. */
final class Timing {

    private Timing() {}

    /** {@code runs} calls of {@code request} after {@code warmUp} unmeasured ones. */
    static Distribution of(Runnable request, int warmUp, int runs) {
        for (int i = 0; i < warmUp; i++) {
            request.run();
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            millis[i] = millis(request);
        }
        return Distribution.of(millis);
    }

    static double millis(Runnable request) {
        long start = System.nanoTime();
        request.run();
        return (System.nanoTime() - start) / 1e6;
    }
}
