package org.orderdesk.bench.locks;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.orderdesk.lock.LockHolder;

/**
 * Threads that take and give up order locks through one {@link HoldPath} for a while, each on
 * orders of its own or all on one order, timing every acquire and release. A refused acquire (the
 * order is held by another thread) is tried again at once, as the old benchmark did.
 */
final class HoldLoad {

    /** Orders per thread when each has its own: a few, so that each is warm and free when its turn comes. */
    private static final int ORDERS_PER_THREAD = 8;

    private static final long SHARED_ORDER = 999_999;

    /** What one block of holds added up to. */
    static final class Totals {
        final Samples acquire = new Samples();
        final Samples release = new Samples();
        final AtomicLong refused = new AtomicLong();
        long holds;
        double seconds;

        double holdsPerSecond() {
            return holds / seconds;
        }
    }

    private final int threads;
    private final boolean oneOrder;
    private final List<LockHolder> holders = new ArrayList<>();

    HoldLoad(int threads, boolean oneOrder) {
        this.threads = threads;
        this.oneOrder = oneOrder;
        for (int t = 0; t < threads; t++) {
            holders.add(
                    new LockHolder("clerk" + t, "Clerk " + t, UUID.randomUUID().toString()));
        }
    }

    String label() {
        return threads + (threads == 1 ? " thread" : " threads") + (oneOrder ? ", one order" : ", own orders");
    }

    /** Runs {@code path} on every thread for {@code millis} and adds what it measured to {@code totals}. */
    void run(HoldPath path, long millis, Totals totals) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Samples[]>> workers = new ArrayList<>();
            long[] holds = new long[threads];
            for (int t = 0; t < threads; t++) {
                int thread = t;
                workers.add(pool.submit(() -> {
                    start.await();
                    return holdRepeatedly(path, thread, millis, holds, totals.refused);
                }));
            }
            long begin = System.nanoTime();
            start.countDown();
            for (Future<Samples[]> worker : workers) {
                Samples[] samples = worker.get();
                totals.acquire.addAll(samples[0]);
                totals.release.addAll(samples[1]);
            }
            totals.seconds += (System.nanoTime() - begin) / 1e9;
            for (long count : holds) {
                totals.holds += count;
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Samples[] holdRepeatedly(HoldPath path, int thread, long millis, long[] holds, AtomicLong refused) {
        Samples acquire = new Samples();
        Samples release = new Samples();
        LockHolder holder = holders.get(thread);
        long end = System.nanoTime() + millis * 1_000_000;
        for (int i = 0; System.nanoTime() < end; i++) {
            long order = oneOrder ? SHARED_ORDER : 1_000L + (long) thread * ORDERS_PER_THREAD + i % ORDERS_PER_THREAD;
            long began = System.nanoTime();
            long token = path.acquire(order, holder);
            long acquired = System.nanoTime();
            if (token < 0) {
                refused.incrementAndGet();
                Thread.yield();
                continue;
            }
            acquire.add(acquired - began);
            path.release(order, holder, token);
            release.add(System.nanoTime() - acquired);
            holds[thread]++;
        }
        return new Samples[] {acquire, release};
    }
}
