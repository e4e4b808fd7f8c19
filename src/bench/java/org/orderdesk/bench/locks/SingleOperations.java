package org.orderdesk.bench.locks;

import java.util.Locale;
import java.util.UUID;
import java.util.function.IntConsumer;
import org.orderdesk.bench.Distribution;
import org.orderdesk.bench.TextTable;
import org.orderdesk.lock.AcquireOutcome;
import org.orderdesk.lock.LockHolder;
import org.orderdesk.lock.LockService;
import org.orderdesk.lock.LockSweeper;
import org.orderdesk.lock.ResourceId;

/** One lock operation at a time, timed: what the old {@code LockBenchmark} measured, kept. */
final class SingleOperations {

    private static final int RUNS = Integer.getInteger("bench.singleRuns", 1_000);
    private static final int HELD = 1_000;

    private final LockService locks;
    private final LockSweeper sweeper;

    SingleOperations(LockBenchApp app) {
        this.locks = app.bean(LockService.class);
        this.sweeper = app.bean(LockSweeper.class);
    }

    TextTable measure() {
        LockHolder alice = holder("alice");
        LockHolder bob = holder("bob");
        ResourceId renewed = ResourceId.order(2_000_001);
        long token = ((AcquireOutcome.Acquired) locks.acquire(renewed, alice)).token();
        for (int i = 0; i < HELD; i++) {
            locks.acquire(ResourceId.order(3_000_000 + i), bob);
        }
        TextTable table = new TextTable(
                "single operations through LockService, one thread (µs)", "operation", "n", "p50", "p95", "p99", "max");
        row(table, "renew", RUNS, i -> locks.renew(renewed, alice.holderKey(), token));
        row(
                table,
                "acquire refused (held by another user)",
                RUNS,
                i -> locks.acquire(ResourceId.order(3_000_000 + i % HELD), alice));
        row(
                table,
                String.format(Locale.ROOT, "sweep, %,d live locks, none due", HELD + 1),
                RUNS / 5,
                i -> sweeper.sweep());
        row(
                table,
                String.format(Locale.ROOT, "currentLocks(), %,d locks", HELD + 1),
                RUNS / 5,
                i -> locks.currentLocks());
        return table;
    }

    private static void row(TextTable table, String name, int runs, IntConsumer operation) {
        for (int i = 0; i < runs; i++) {
            operation.accept(i);
        }
        Samples samples = new Samples();
        for (int i = 0; i < runs; i++) {
            long began = System.nanoTime();
            operation.accept(i);
            samples.add(System.nanoTime() - began);
        }
        Distribution times = samples.distribution();
        table.row(name, times.n(), times.p50(), times.p95(), times.p99(), times.max());
    }

    private static LockHolder holder(String username) {
        return new LockHolder(username, username, UUID.randomUUID().toString());
    }
}
