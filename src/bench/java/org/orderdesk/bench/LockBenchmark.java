package org.orderdesk.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.orderdesk.Application;
import org.orderdesk.lock.AcquireOutcome;
import org.orderdesk.lock.LockHolder;
import org.orderdesk.lock.LockService;
import org.orderdesk.lock.LockSweeper;
import org.orderdesk.lock.ResourceId;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What a lock operation costs on the embedded H2, alone and under contention, in one run. Not a
 * test: run it with {@code ./mvnw -Pbench test-compile exec:java
 * -Dbench.main=org.orderdesk.bench.LockBenchmark} and copy the output into docs/benchmarks.md.
 */
public final class LockBenchmark {

    private static final int WARMUP = 2_000;
    private static final int RUNS = 2_000;
    private static final int HOLDS_PER_THREAD = 500;

    private LockBenchmark() {}

    public static void main(String[] args) throws Exception {
        try {
            run();
        } finally {
            System.exit(0);
        }
    }

    private static void run() throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:h2:mem:lock-bench;DB_CLOSE_DELAY=-1",
                        "--orderdesk.demo.enabled=false",
                        "--orderdesk.lock.sweeper-enabled=false",
                        "--logging.level.root=warn",
                        "--spring.main.banner-mode=off")) {
            LockService locks = context.getBean(LockService.class);
            LockSweeper sweeper = context.getBean(LockSweeper.class);
            singleOperations(locks, sweeper);
            contention(locks);
        }
    }

    private static void singleOperations(LockService locks, LockSweeper sweeper) {
        LockHolder alice = holder("alice");
        ResourceId order = ResourceId.order(1);
        IntFunction<Long> acquireRelease = i -> {
            long token = ((AcquireOutcome.Acquired) locks.acquire(order, alice)).token();
            locks.release(order, alice.holderKey(), token);
            return token;
        };
        long held = ((AcquireOutcome.Acquired) locks.acquire(ResourceId.order(2), alice)).token();
        LockHolder bob = holder("bob");
        for (int i = 3; i < 1_003; i++) {
            locks.acquire(ResourceId.order(i), bob);
        }
        System.out.printf(Locale.ROOT, "%n%-52s %10s%n", "one operation, one thread (median of " + RUNS + ")", "ms");
        print("acquire + release of a free order", median(acquireRelease));
        print("renew", median(i -> locks.renew(ResourceId.order(2), alice.holderKey(), held)));
        print("acquire refused (held by another user)", median(i -> locks.acquire(ResourceId.order(3), alice)));
        print("sweep, 1,001 live locks, none due", median(i -> sweeper.sweep()));
        print("currentLocks(), 1,001 locks", median(i -> locks.currentLocks()));
    }

    private static void contention(LockService locks) throws Exception {
        System.out.printf(
                Locale.ROOT,
                "%n%-52s %10s %10s%n",
                "acquire + release, " + HOLDS_PER_THREAD + " holds per thread",
                "holds/s",
                "vs 1 thread");
        holdsPerSecond(locks, 16, false); // warm-up, so that the baseline is not measured cold
        double single = holdsPerSecond(locks, 1, true);
        for (int threads : new int[] {1, 4, 16}) {
            double sameOrder = holdsPerSecond(locks, threads, true);
            String clerks = threads + (threads == 1 ? " thread" : " threads");
            print(clerks + ", one order", sameOrder, sameOrder / single);
            double ownOrders = holdsPerSecond(locks, threads, false);
            print(clerks + ", one order each", ownOrders, ownOrders / single);
        }
    }

    private static double holdsPerSecond(LockService locks, int threads, boolean sameOrder) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            ResourceId order = ResourceId.order(sameOrder ? 10_000 : 10_000 + t);
            LockHolder clerk = holder("clerk" + t);
            workers.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < HOLDS_PER_THREAD; i++) {
                    AcquireOutcome outcome;
                    while (!((outcome = locks.acquire(order, clerk)) instanceof AcquireOutcome.Acquired)) {
                        Thread.yield();
                    }
                    locks.release(order, clerk.holderKey(), ((AcquireOutcome.Acquired) outcome).token());
                }
                return null;
            }));
        }
        long begin = System.nanoTime();
        start.countDown();
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        pool.shutdown();
        return threads * HOLDS_PER_THREAD / seconds;
    }

    private static double median(IntFunction<?> operation) {
        for (int i = 0; i < WARMUP; i++) {
            operation.apply(i);
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long begin = System.nanoTime();
            operation.apply(i);
            ms[i] = (System.nanoTime() - begin) / 1e6;
        }
        Arrays.sort(ms);
        return ms[RUNS / 2];
    }

    private static LockHolder holder(String username) {
        return new LockHolder(username, username, UUID.randomUUID().toString());
    }

    private static void print(String name, double ms) {
        System.out.printf(Locale.ROOT, "%-52s %10.3f%n", name, ms);
    }

    private static void print(String name, double perSecond, double ratio) {
        System.out.printf(Locale.ROOT, "%-52s %,10.0f %10.2f%n", name, perSecond, ratio);
    }
}
