package org.orderdesk.load;

import java.time.Duration;

/** When a run stops starting new work: every clerk and page asks it before each step. */
final class RunWindow {

    private final long endNanos;

    RunWindow(Duration duration) {
        this.endNanos = System.nanoTime() + duration.toNanos();
    }

    boolean open() {
        return System.nanoTime() < endNanos;
    }
}
