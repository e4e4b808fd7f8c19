package org.orderdesk.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.orderdesk.Application;
import org.orderdesk.browser.BrowserSession;
import org.orderdesk.browser.LockLatency;
import org.orderdesk.browser.LockLatency.Clerk;
import org.orderdesk.browser.LockLatency.Summary;
import org.orderdesk.lock.LockService;
import org.orderdesk.security.Role;
import org.orderdesk.security.UserAccountService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How long after Alice takes a lock in her browser it shows in other clerks' grids, by server
 * push, in real Chromium: with one clerk watching and with eight (each its own browser context,
 * measured in every one), in one run. Runs follow each other as in {@code LiveLocksBrowserIT}:
 * Alice opens the editor, every watcher's grid shows her lock, she cancels, every grid shows the
 * order free, next run. Not a test: run it with {@code ./mvnw -Pbench test-compile exec:java
 * -Dbench.main=org.orderdesk.bench.PushLatencyBenchmark} and copy the output into
 * docs/benchmarks.md.
 */
public final class PushLatencyBenchmark {

    private static final int WARMUP = 5;
    private static final int RUNS = 50;

    private static final int WATCHERS = 8;
    /** All on the grid's first screen, taken in turn. */
    private static final long[] ORDERS = {4, 6, 8, 10, 12};

    private static final long GOAL_P95_MS = 100;

    private PushLatencyBenchmark() {}

    public static void main(String[] args) throws Exception {
        try {
            run();
        } finally {
            System.exit(0);
        }
    }

    private static void run() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:h2:mem:push-bench;DB_CLOSE_DELAY=-1",
                        "--orderdesk.demo.orders=2000",
                        // As in production and in LiveLocksBrowserIT; a sweep with nothing due costs 0.02 ms.
                        "--orderdesk.lock.sweeper-enabled=true",
                        "--vaadin.devmode.devTools.enabled=false",
                        "--logging.level.root=warn",
                        "--logging.level.org.orderdesk=warn",
                        "--spring.main.banner-mode=off")) {
            String baseUrl = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
            String minInterval = context.getEnvironment().getProperty("orderdesk.push.min-interval", "250ms");
            UserAccountService accounts = context.getBean(UserAccountService.class);
            for (int i = 2; i <= WATCHERS; i++) {
                accounts.create("clerk" + i, "Clerk " + i, "clerk" + i, Set.of(Role.CLERK));
            }
            LockLatency latency = new LockLatency(context.getBean(LockService.class));

            try (BrowserSession browser = BrowserSession.launch()) {
                // Wide enough for the Edit column (see LiveLocksBrowserIT); watchers alike.
                Clerk alice = LockLatency.signIn(browser.newClerkWindow(1600, 800), baseUrl, "alice", "Alice");
                List<Clerk> watchers = new ArrayList<>();
                watchers.add(LockLatency.signIn(browser.newClerkWindow(1600, 800), baseUrl, "bob", "Bob"));
                List<List<Long>> one = measure(latency, alice, watchers);
                for (int i = 2; i <= WATCHERS; i++) {
                    watchers.add(
                            LockLatency.signIn(browser.newClerkWindow(1600, 800), baseUrl, "clerk" + i, "Clerk " + i));
                }
                List<List<Long>> eight = measure(latency, alice, watchers);
                print(one, eight, minInterval);
            }
        }
    }

    /** Warm-up runs, then {@link #RUNS} measured runs with all of {@code watchers}: per run, per watcher, ms. */
    private static List<List<Long>> measure(LockLatency latency, Clerk alice, List<Clerk> watchers) {
        for (Clerk watcher : watchers) {
            for (long orderId : ORDERS) {
                LockLatency.awaitFree(watcher, orderId);
            }
        }
        for (int run = 0; run < WARMUP; run++) {
            latency.lockShownAfterMs(alice, watchers, ORDERS[run % ORDERS.length]);
        }
        long started = System.nanoTime();
        List<List<Long>> runs = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            runs.add(latency.lockShownAfterMs(alice, watchers, ORDERS[run % ORDERS.length]));
        }
        System.out.printf(
                Locale.ROOT,
                "%d watcher(s): %d measured runs in %.1f s, after %d warm-up runs%n",
                watchers.size(),
                RUNS,
                (System.nanoTime() - started) / 1e9,
                WARMUP);
        return runs;
    }

    private static void print(List<List<Long>> one, List<List<Long>> eight, String minInterval) {
        Map<String, Summary> cases = new LinkedHashMap<>();
        cases.put("(a) 1 watcher", Summary.of(all(one)));
        cases.put("(b) " + WATCHERS + " watchers, every watcher", Summary.of(all(eight)));
        cases.put(
                "    first watcher to show, per run",
                Summary.of(eight.stream().map(Collections::min).toList()));
        cases.put(
                "    last watcher to show, per run",
                Summary.of(eight.stream().map(Collections::max).toList()));

        System.out.printf(
                Locale.ROOT,
                "%nlock taken by Alice -> shown in a watcher's grid, ms (%d runs per case, push min-interval %s)%n",
                RUNS,
                minInterval);
        System.out.printf(
                Locale.ROOT, "%-38s %6s %6s %6s %6s %9s %9s%n", "case", "n", "p50", "p95", "max", "p50 / a", "p95 / a");
        Summary a = cases.get("(a) 1 watcher");
        cases.forEach((name, summary) -> System.out.printf(
                Locale.ROOT,
                "%-38s %6d %6d %6d %6d %9.2f %9.2f%n",
                name,
                summary.n(),
                summary.p50(),
                summary.p95(),
                summary.max(),
                (double) summary.p50() / a.p50(),
                (double) summary.p95() / a.p95()));

        Summary b = cases.get("(b) " + WATCHERS + " watchers, every watcher");
        System.out.printf(
                Locale.ROOT,
                "100 ms goal (p95 <= %d ms): %s with 1 watcher (p95 %d ms), %s with %d watchers (p95 %d ms)%n",
                GOAL_P95_MS,
                verdict(a),
                a.p95(),
                verdict(b),
                WATCHERS,
                b.p95());
    }

    private static List<Long> all(List<List<Long>> runs) {
        return runs.stream().flatMap(List::stream).toList();
    }

    private static String verdict(Summary summary) {
        return summary.p95() <= GOAL_P95_MS ? "met" : "NOT met";
    }
}
