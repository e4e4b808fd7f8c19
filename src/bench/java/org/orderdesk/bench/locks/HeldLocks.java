package org.orderdesk.bench.locks;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.orderdesk.lock.AcquireOutcome;
import org.orderdesk.lock.LockHolder;
import org.orderdesk.lock.LockService;
import org.orderdesk.lock.ResourceId;
import org.orderdesk.order.EditLock;

/** N editors, each holding one order's lock taken through {@link LockService}, taken and given up a few at a time. */
final class HeldLocks {

    private static final int THREADS = 4;

    private final LockService locks;

    HeldLocks(LockService locks) {
        this.locks = locks;
    }

    /** {@code editors} locks on orders {@code firstOrder}, {@code firstOrder + 1}, ..., one holder each. */
    List<EditLock> acquire(int editors, long firstOrder) throws Exception {
        List<EditLock> held = new ArrayList<>();
        forEach(editors, i -> {
            LockHolder holder = new LockHolder(
                    "editor" + i, "Editor " + i, UUID.randomUUID().toString());
            long order = firstOrder + i;
            if (!(locks.acquire(ResourceId.order(order), holder) instanceof AcquireOutcome.Acquired acquired)) {
                throw new IllegalStateException("order " + order + " was not free");
            }
            EditLock lock = new EditLock(order, holder, acquired.token(), acquired.expiresAt(), "session" + i);
            synchronized (held) {
                held.add(lock);
            }
        });
        return held;
    }

    void release(List<EditLock> held) throws Exception {
        forEach(held.size(), i -> {
            EditLock lock = held.get(i);
            locks.release(lock.resource(), lock.holder().holderKey(), lock.token());
        });
    }

    private interface Step {
        void run(int index) throws Exception;
    }

    private static void forEach(int count, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int first = t;
                parts.add(pool.submit(() -> {
                    for (int i = first; i < count; i += THREADS) {
                        step.run(i);
                    }
                    return null;
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
