package org.orderdesk.lock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.orderdesk.TestClock;
import org.orderdesk.lock.AcquireOutcome.Acquired;

/**
 * Two lock engines, as on two application nodes, share one database and race for the same few
 * orders. Whoever wins writes itself into a shared map of holders; finding someone already there
 * would mean two holders at once. Each database the engine supports runs it through a subclass
 * that only says which database.
 */
abstract class TwoNodesOneDatabase extends LockEngineTest {

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
        List<String> doubleHolds = new CopyOnWriteArrayList<>();
        List<Integer> winsPerThread = Race.run(2 * THREADS_PER_NODE, thread -> {
            LockService locks = engines.get(thread / THREADS_PER_NODE);
            String name = "node" + thread / THREADS_PER_NODE + "-clerk" + thread % THREADS_PER_NODE;
            Random random = new Random(thread);
            return () -> {
                LockHolder clerk = new LockHolder(name, name, name);
                int wins = 0;
                for (int attempt = 0; attempt < ATTEMPTS_PER_THREAD; attempt++) {
                    long orderId = 1 + random.nextInt(ORDERS);
                    ResourceId order = ResourceId.order(orderId);
                    if (locks.acquire(order, clerk) instanceof Acquired held) {
                        wins++;
                        Long other = holders.putIfAbsent(orderId, held.token());
                        if (other != null) {
                            doubleHolds.add(order + ": token " + held.token() + " while " + other);
                        }
                        Thread.yield();
                        holders.remove(orderId, held.token());
                        locks.release(order, clerk.holderKey(), held.token());
                    }
                }
                return wins;
            };
        });
        int[] winsPerNode = {
            sum(winsPerThread.subList(0, THREADS_PER_NODE)),
            sum(winsPerThread.subList(THREADS_PER_NODE, 2 * THREADS_PER_NODE))
        };

        assertThat(doubleHolds).isEmpty();
        assertThat(winsPerNode[0]).as("node 0 won some").isPositive();
        assertThat(winsPerNode[1]).as("node 1 won some").isPositive();
        assertThat(jdbc.sql("select count(*) from edit_locks").query(Long.class).single())
                .isZero();
    }

    private static int sum(List<Integer> wins) {
        return wins.stream().mapToInt(Integer::intValue).sum();
    }
}
