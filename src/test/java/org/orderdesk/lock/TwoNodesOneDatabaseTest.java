package org.orderdesk.lock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.orderdesk.TestClock;
import org.orderdesk.lock.AcquireOutcome.Acquired;

/**
 * Two lock engines, as on two application nodes, share one database and race for the same few
 * orders. Whoever wins writes itself into a shared map of holders; finding someone already there
 * would mean two holders at once.
 */
class TwoNodesOneDatabaseTest extends LockEngineTest {

    private static final int THREADS_PER_NODE = 8;
    private static final int ATTEMPTS_PER_THREAD = 300;
    private static final int ORDERS = 4;

    @Test
    void twoNodesNeverGrantTheSameOrderToTwoHolders() throws Exception {
        LockNodes nodes = new LockNodes(context);
        List<LockService> engines = List.of(
                nodes.start(TestClock.ticking(clock.instant(), Duration.ofNanos(1000)))
                        .locks(),
                nodes.start(TestClock.ticking(clock.instant(), Duration.ofNanos(1000)))
                        .locks());
        Map<Long, Long> holders = new ConcurrentHashMap<>();
        List<String> doubleHolds = new ArrayList<>();
        AtomicInteger[] winsPerNode = {new AtomicInteger(), new AtomicInteger()};
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2 * THREADS_PER_NODE);
        List<Future<?>> workers = new ArrayList<>();
        for (int node = 0; node < 2; node++) {
            for (int thread = 0; thread < THREADS_PER_NODE; thread++) {
                LockService locks = engines.get(node);
                AtomicInteger wins = winsPerNode[node];
                String name = "node" + node + "-clerk" + thread;
                Random random = new Random(31L * node + thread);
                workers.add(pool.submit(() -> {
                    start.await();
                    LockHolder clerk = new LockHolder(name, name, name);
                    for (int attempt = 0; attempt < ATTEMPTS_PER_THREAD; attempt++) {
                        long orderId = 1 + random.nextInt(ORDERS);
                        ResourceId order = ResourceId.order(orderId);
                        if (locks.acquire(order, clerk) instanceof Acquired held) {
                            wins.incrementAndGet();
                            Long other = holders.putIfAbsent(orderId, held.token());
                            if (other != null) {
                                synchronized (doubleHolds) {
                                    doubleHolds.add(order + ": token " + held.token() + " while " + other);
                                }
                            }
                            Thread.yield();
                            holders.remove(orderId, held.token());
                            locks.release(order, clerk.holderKey(), held.token());
                        }
                    }
                    return null;
                }));
            }
        }
        start.countDown();
        for (Future<?> worker : workers) {
            worker.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();

        assertThat(doubleHolds).isEmpty();
        assertThat(winsPerNode[0].get()).as("node 0 won some").isPositive();
        assertThat(winsPerNode[1].get()).as("node 1 won some").isPositive();
        assertThat(jdbc.sql("select count(*) from edit_locks").query(Long.class).single())
                .isZero();
    }
}
