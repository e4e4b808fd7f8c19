package org.orderdesk.bench.locks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.orderdesk.lock.RenewOutcome;
import org.orderdesk.order.EditLock;
import org.orderdesk.order.OrderEditing;

/**
 * Renewals of held locks spread evenly over time, as editors' browser timers send them: one
 * renewal every {@code interval / N}, each editor in turn, handed to a few request threads (as
 * Tomcat's would take them) that time each renewal and the CPU time it took on their thread.
 */
final class PacedRenewals {

    private static final int REQUEST_THREADS = 4;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** What one window measured. */
    record Window(Samples latency, long renewals, double seconds, double clientCpuSeconds) {}

    private final OrderEditing editing;
    private final List<EditLock> held;

    PacedRenewals(OrderEditing editing, List<EditLock> held) {
        this.editing = editing;
        this.held = held;
    }

    /** Renews every lock once, as fast as it goes: warms the path up. */
    void warmUp(int renewals) {
        for (int i = 0; i < renewals; i++) {
            renew(held.get(i % held.size()));
        }
    }

    /** Renews one lock every {@code periodNanos} for {@code seconds}. */
    Window run(long periodNanos, double seconds) throws InterruptedException {
        ExecutorService requests = Executors.newFixedThreadPool(REQUEST_THREADS);
        AtomicLong cpuNanos = new AtomicLong();
        AtomicLong done = new AtomicLong();
        Samples all = new Samples();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long due = start;
        int next = 0;
        while (due < end) {
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            EditLock lock = held.get(next++ % held.size());
            requests.execute(() -> {
                long cpu = THREADS.getCurrentThreadCpuTime();
                long began = System.nanoTime();
                renew(lock);
                long took = System.nanoTime() - began;
                cpuNanos.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu);
                done.incrementAndGet();
                synchronized (all) {
                    all.add(took);
                }
            });
            due += periodNanos;
        }
        requests.shutdown();
        if (!requests.awaitTermination(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("renewals did not finish");
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Window(all, done.get(), elapsed, cpuNanos.get() / 1e9);
    }

    private void renew(EditLock lock) {
        if (!(editing.renew(lock) instanceof RenewOutcome.Renewed)) {
            throw new IllegalStateException("renewal of order " + lock.orderId() + " found the lock lost");
        }
    }
}
