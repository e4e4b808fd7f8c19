package org.orderdesk.bench.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.orderdesk.lock.AcquireOutcome;
import org.orderdesk.lock.LockHolder;
import org.orderdesk.lock.LockService;
import org.orderdesk.lock.ResourceId;

/**
 * Lock events at a steady rate, made the application's way: each thread acquires an order through
 * {@link LockService} and releases it with the next event, so every event is one lock step's
 * transaction with its audit row and its notification. The events are spread evenly over the
 * threads and paced by the clock (open loop): an event that comes late does not push back the
 * next ones, and none starts after the window, so a publisher that cannot keep up shows as a lower
 * rate achieved.
 */
final class LockEventLoad {

    /** Orders each thread cycles through: few enough to stay in PostgreSQL's cache. */
    private static final int ORDERS_PER_THREAD = 200;

    private final LockService locks;

    LockEventLoad(LockService locks) {
        this.locks = locks;
    }

    /** What a run published. */
    record Published(int events, int failures, long nanos) {}

    Published run(double eventsPerSecond, long millis, int threads) throws InterruptedException {
        long start = System.nanoTime() + 1_000_000;
        long end = start + millis * 1_000_000;
        double nanosBetween = 1e9 / eventsPerSecond;
        AtomicInteger events = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            workers.add(Thread.ofPlatform().name("ceiling-load-" + t).start(() -> {
                LockHolder holder = new LockHolder("ceiling", "Ceiling", "ceiling-" + thread);
                long token = 0;
                ResourceId order = null;
                for (long k = 0; ; k++) {
                    long due = start + (long) ((k * threads + thread) * nanosBetween);
                    if (due >= end || System.nanoTime() >= end) {
                        break;
                    }
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    try {
                        if (order == null) {
                            order = ResourceId.order(1_000_000L * (thread + 1) + k / 2 % ORDERS_PER_THREAD);
                            if (locks.acquire(order, holder) instanceof AcquireOutcome.Acquired acquired) {
                                token = acquired.token();
                                events.incrementAndGet();
                            } else {
                                order = null;
                                failures.incrementAndGet();
                            }
                        } else {
                            if (locks.release(order, holder.holderKey(), token)) {
                                events.incrementAndGet();
                            } else {
                                failures.incrementAndGet();
                            }
                            order = null;
                        }
                    } catch (RuntimeException e) {
                        failures.incrementAndGet();
                    }
                }
                if (order != null) {
                    locks.release(order, holder.holderKey(), token);
                    events.incrementAndGet();
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return new Published(events.get(), failures.get(), System.nanoTime() - start);
    }
}
