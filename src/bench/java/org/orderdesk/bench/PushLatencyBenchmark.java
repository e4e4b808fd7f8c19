package org.orderdesk.bench;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import org.orderdesk.Application;
import org.orderdesk.browser.BrowserSession;
import org.orderdesk.browser.LockLatency;
import org.orderdesk.browser.LockLatency.Clerk;
import org.orderdesk.browser.LockLatency.Run;
import org.orderdesk.browser.LockLatency.Summary;
import org.orderdesk.cluster.ClusterNodes;
import org.orderdesk.event.EventBroadcaster;
import org.orderdesk.lock.LockEvent;
import org.orderdesk.lock.LockService;
import org.orderdesk.security.Role;
import org.orderdesk.security.UserAccountService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How long after Alice takes a lock in her browser it shows in other clerks' grids, by server
 * push, in real Chromium. Two parts, one run:
 *
 * <ol>
 *   <li><b>Same node against cross node</b>, on two application nodes of one cluster on one
 *       PostgreSQL ({@link ClusterNodes}, the relay on). Alice's browser talks to node A; Bob
 *       watches in one browser on node A (same node) and in another on node B (cross node). The
 *       cases alternate in blocks of {@link #BLOCK} runs, and only the measured case's Bob shows a
 *       grid: the other's page is parked on {@code about:blank}, so each case has one watcher, as
 *       case (a) below. A run is timed from Alice's click (a capture-phase listener in her page,
 *       {@code Date.now()}) to the DOM change in Bob's grid (a {@code MutationObserver}, {@code
 *       Date.now()}); a subscriber on each node's {@link EventBroadcaster} records when the lock
 *       event reached that node (µs): on node A right after the commit, on node B when the relay
 *       delivered it. All on this machine's one clock.
 *   <li><b>One node on the embedded H2</b>, as before: (a) one watcher, (b) eight, timed from the
 *       lock's {@code acquiredAt} (server clock) as in {@code LiveLocksBrowserIT}, and (a) also
 *       from the click.
 * </ol>
 *
 * Runs follow each other as in {@code LiveLocksBrowserIT}: Alice opens the editor, the watchers'
 * grids show her lock, she cancels, every grid shows the order free, next run. Not a test: run it
 * with {@code ./mvnw -Pbench test-compile exec:java
 * -Dbench.main=org.orderdesk.bench.PushLatencyBenchmark} and copy the output into
 * docs/benchmarks.md.
 */
public final class PushLatencyBenchmark {

    private static final int WARMUP = 5;
    /** Measured runs per case; {@code -Dbench.runs=10} for a quick try of the benchmark itself. */
    private static final int RUNS = Integer.getInteger("bench.runs", 50);
    /** Measured runs per block in the same-node / cross-node comparison; each block starts with a warm-up run. */
    private static final int BLOCK = 5;

    private static final int WATCHERS = 8;
    /** All on the grid's first screen, taken in turn. */
    private static final long[] ORDERS = {4, 6, 8, 10, 12};

    private static final long GOAL_P95_MS = 100;
    private static final long GOAL_CROSS_NODE_EXTRA_MS = 20;

    private static final String[] QUIET = {
        "logging.level.root=warn", "logging.level.org.orderdesk=warn", "spring.main.banner-mode=off"
    };

    private PushLatencyBenchmark() {}

    public static void main(String[] args) throws Exception {
        try {
            run();
        } finally {
            System.exit(0);
        }
    }

    private static void run() {
        System.out.printf(
                Locale.ROOT,
                "%s, %d cores, load average %s at the start%n",
                Instant.now().truncatedTo(ChronoUnit.SECONDS),
                Runtime.getRuntime().availableProcessors(),
                loadAverage());
        long started = System.nanoTime();
        try (BrowserSession browser = BrowserSession.launch()) {
            String cluster = sameNodeAgainstCrossNode(browser);
            System.out.printf(Locale.ROOT, "load average %s after the cluster part%n", loadAverage());
            String single = oneNodeOnH2(browser);
            System.out.printf(
                    Locale.ROOT,
                    "load average %s at the end; the whole run took %.0f s%n",
                    loadAverage(),
                    (System.nanoTime() - started) / 1e9);
            System.out.print(cluster);
            System.out.print(single);
        }
    }

    // ---- Same node against cross node, PostgreSQL ----

    /** One measured run of the comparison: the times of its steps, in ms since the epoch. */
    private record Step(
            long clickedAtMs, double requestSentAtMs, double committedAtMs, double heardAtMs, long shownAtMs) {

        double total() {
            return shownAtMs - clickedAtMs;
        }

        double clickToCommit() {
            return committedAtMs - clickedAtMs;
        }

        double clickToRequest() {
            return requestSentAtMs - clickedAtMs;
        }

        double requestToCommit() {
            return committedAtMs - requestSentAtMs;
        }

        double commitToHeard() {
            return heardAtMs - committedAtMs;
        }

        double heardToShown() {
            return shownAtMs - heardAtMs;
        }
    }

    /** When each node's subscribers got each lock taken, by fencing token, in µs since the epoch. */
    private static final class Heard {

        private final Map<Long, Long> byToken = new ConcurrentHashMap<>();

        Heard(ConfigurableApplicationContext node) {
            node.getBean(EventBroadcaster.class)
                    .subscribe(LockEvent.Acquired.class, acquired -> byToken.put(acquired.token(), nowMicros()));
        }

        /** When the node heard of the lock with {@code token}, in ms; waits up to 5 s for it. */
        double atMs(long token) {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            Long at;
            while ((at = byToken.get(token)) == null) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("No lock event with token " + token + " on this node");
                }
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            return at / 1000.0;
        }
    }

    private static String sameNodeAgainstCrossNode(BrowserSession browser) {
        try (ClusterNodes cluster = new ClusterNodes()) {
            ConfigurableApplicationContext nodeA = cluster.start(nodeProperties());
            ConfigurableApplicationContext nodeB = cluster.start(nodeProperties());
            // Subscribed before any UI: the first subscriber on each node, as close to the event as can be.
            Heard heardOnA = new Heard(nodeA);
            Heard heardOnB = new Heard(nodeB);
            String minInterval = nodeA.getEnvironment().getProperty("orderdesk.push.min-interval", "250ms");
            String pollInterval = nodeA.getEnvironment().getProperty("orderdesk.cluster.poll-interval", "250ms");
            LockLatency latency = new LockLatency(nodeA.getBean(LockService.class));

            Clerk alice = LockLatency.signIn(browser.newClerkWindow(1600, 800), baseUrl(nodeA), "alice", "Alice");
            Clerk bobOnA = LockLatency.signIn(browser.newClerkWindow(1600, 800), baseUrl(nodeA), "bob", "Bob");
            Clerk bobOnB = LockLatency.signIn(browser.newClerkWindow(1600, 800), baseUrl(nodeB), "bob", "Bob");
            Map<Boolean, String> urls = Map.of(false, baseUrl(nodeA), true, baseUrl(nodeB));

            park(bobOnB);
            for (int run = 0; run < WARMUP; run++) {
                latency.lockTaken(alice, List.of(bobOnA), ORDERS[run % ORDERS.length]);
            }
            List<Step> sameNode = new ArrayList<>();
            List<Step> crossNode = new ArrayList<>();
            long started = System.nanoTime();
            int run = 0;
            for (int block = 0; block < 2 * RUNS / BLOCK; block++) {
                boolean cross = block % 2 == 1;
                Clerk watcher = cross ? bobOnB : bobOnA;
                park(cross ? bobOnA : bobOnB);
                show(watcher, urls.get(cross));
                latency.lockTaken(alice, List.of(watcher), ORDERS[run++ % ORDERS.length]);
                for (int i = 0; i < BLOCK; i++) {
                    Run measured = latency.lockTaken(alice, List.of(watcher), ORDERS[run++ % ORDERS.length]);
                    long token = measured.lock().token();
                    double committedAt = heardOnA.atMs(token);
                    Step step = new Step(
                            measured.clickedAtMs(),
                            measured.requestSentAtMs(),
                            committedAt,
                            cross ? heardOnB.atMs(token) : committedAt,
                            measured.shownAtMs().getFirst());
                    (cross ? crossNode : sameNode).add(step);
                }
            }
            for (Clerk clerk : List.of(alice, bobOnA, bobOnB)) {
                clerk.page().context().close();
            }
            System.out.printf(
                    Locale.ROOT,
                    "PostgreSQL, 2 nodes: %d + %d measured runs in %.1f s, after %d warm-up runs and one per block%n",
                    sameNode.size(),
                    crossNode.size(),
                    (System.nanoTime() - started) / 1e9,
                    WARMUP);
            return comparison(sameNode, crossNode, minInterval, pollInterval);
        }
    }

    private static String[] nodeProperties() {
        List<String> properties = new ArrayList<>(List.of(QUIET));
        // As in production and in LiveLocksBrowserIT (the nodes' test clocks stand still: nothing ends).
        properties.add("orderdesk.lock.sweeper-enabled=true");
        return properties.toArray(String[]::new);
    }

    /** Leaves the grid: the page's UI closes and gets no more pushes. */
    private static void park(Clerk clerk) {
        clerk.page().navigate("about:blank");
    }

    /** Back on the orders grid, signed in still, every measured order free. */
    private static void show(Clerk clerk, String baseUrl) {
        clerk.page().navigate(baseUrl + "/orders");
        assertThat(clerk.page().locator("vaadin-grid.orders-grid")).isVisible();
        for (long orderId : ORDERS) {
            LockLatency.awaitFree(clerk, orderId);
        }
    }

    private static String comparison(List<Step> same, List<Step> cross, String minInterval, String pollInterval) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "%nlock taken by Alice's click -> shown in Bob's grid, ms; PostgreSQL, 2 nodes, Alice on node A;"
                        + " %d runs per case in alternating blocks of %d (push min-interval %s, relay poll interval %s)%n",
                RUNS,
                BLOCK,
                minInterval,
                pollInterval));
        out.append(String.format(
                Locale.ROOT,
                "%-44s %23s %23s %15s%n",
                "",
                "same node (Bob on A)",
                "cross node (Bob on B)",
                "cross / same"));
        out.append(String.format(
                Locale.ROOT,
                "%-44s %7s %7s %7s %7s %7s %7s %7s %7s%n",
                "step",
                "p50",
                "p95",
                "max",
                "p50",
                "p95",
                "max",
                "p50",
                "p95"));
        Map<String, ToDoubleFunction<Step>> steps = new LinkedHashMap<>();
        steps.put("click -> shown in Bob's grid (total)", Step::total);
        steps.put("  click -> lock committed on A", Step::clickToCommit);
        steps.put("    click -> request sent by Alice's page", Step::clickToRequest);
        steps.put("    request sent -> lock committed on A", Step::requestToCommit);
        steps.put("  committed on A -> event on Bob's node", Step::commitToHeard);
        steps.put("  event on Bob's node -> shown (push, DOM)", Step::heardToShown);
        steps.forEach((name, step) -> {
            Percentiles s = Percentiles.of(same, step);
            Percentiles c = Percentiles.of(cross, step);
            out.append(String.format(
                    Locale.ROOT,
                    "%-44s %7.1f %7.1f %7.1f %7.1f %7.1f %7.1f %7s %7s%n",
                    name,
                    s.p50(),
                    s.p95(),
                    s.max(),
                    c.p50(),
                    c.p95(),
                    c.max(),
                    ratio(c.p50(), s.p50()),
                    ratio(c.p95(), s.p95())));
        });
        out.append(String.format(
                Locale.ROOT,
                "(Alice's request timed by her page in %d of %d same-node runs and %d of %d cross-node runs)%n",
                same.stream()
                        .filter(step -> !Double.isNaN(step.requestSentAtMs()))
                        .count(),
                same.size(),
                cross.stream()
                        .filter(step -> !Double.isNaN(step.requestSentAtMs()))
                        .count(),
                cross.size()));
        Percentiles s = Percentiles.of(same, Step::total);
        Percentiles c = Percentiles.of(cross, Step::total);
        out.append(String.format(
                Locale.ROOT,
                "goal 1, same node p95 <= %d ms from the click: %s (p95 %.0f ms)%n",
                GOAL_P95_MS,
                s.p95() <= GOAL_P95_MS ? "met" : "NOT met",
                s.p95()));
        out.append(String.format(
                Locale.ROOT,
                "goal 2, cross node p95 within %d ms of same node: %s (%+.0f ms)%n",
                GOAL_CROSS_NODE_EXTRA_MS,
                c.p95() - s.p95() <= GOAL_CROSS_NODE_EXTRA_MS ? "met" : "NOT met",
                c.p95() - s.p95()));
        return out.toString();
    }

    private static String ratio(double over, double under) {
        return under <= 0 ? "-" : String.format(Locale.ROOT, "%.2f", over / under);
    }

    /** Nearest-rank percentiles of one step over the runs of a case, in ms. */
    private record Percentiles(double p50, double p95, double max) {

        static Percentiles of(List<Step> runs, ToDoubleFunction<Step> step) {
            // A request the page did not time (NaN) leaves its steps out.
            List<Double> sorted = runs.stream()
                    .map(step::applyAsDouble)
                    .filter(ms -> !Double.isNaN(ms))
                    .sorted()
                    .toList();
            if (sorted.isEmpty()) {
                return new Percentiles(Double.NaN, Double.NaN, Double.NaN);
            }
            return new Percentiles(rank(sorted, 50), rank(sorted, 95), sorted.getLast());
        }

        private static double rank(List<Double> sorted, int percent) {
            int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
            return sorted.get(Math.max(rank, 1) - 1);
        }
    }

    // ---- One node on the embedded H2, as before ----

    private static String oneNodeOnH2(BrowserSession browser) {
        List<String> arguments = new ArrayList<>(List.of(
                "server.port=0",
                "spring.datasource.url=jdbc:h2:mem:push-bench;DB_CLOSE_DELAY=-1",
                "orderdesk.demo.orders=2000",
                // As in production and in LiveLocksBrowserIT; a sweep with nothing due costs 0.02 ms.
                "orderdesk.lock.sweeper-enabled=true",
                "vaadin.devmode.devTools.enabled=false"));
        arguments.addAll(List.of(QUIET));
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
                .run(arguments.stream().map(argument -> "--" + argument).toArray(String[]::new))) {
            String baseUrl = baseUrl(context);
            String minInterval = context.getEnvironment().getProperty("orderdesk.push.min-interval", "250ms");
            UserAccountService accounts = context.getBean(UserAccountService.class);
            for (int i = 2; i <= WATCHERS; i++) {
                accounts.create("clerk" + i, "Clerk " + i, "clerk" + i, Set.of(Role.CLERK));
            }
            LockLatency latency = new LockLatency(context.getBean(LockService.class));

            // Wide enough for the Edit column (see LiveLocksBrowserIT); watchers alike.
            Clerk alice = LockLatency.signIn(browser.newClerkWindow(1600, 800), baseUrl, "alice", "Alice");
            List<Clerk> watchers = new ArrayList<>();
            watchers.add(LockLatency.signIn(browser.newClerkWindow(1600, 800), baseUrl, "bob", "Bob"));
            List<Run> one = measure(latency, alice, watchers);
            for (int i = 2; i <= WATCHERS; i++) {
                watchers.add(LockLatency.signIn(browser.newClerkWindow(1600, 800), baseUrl, "clerk" + i, "Clerk " + i));
            }
            List<Run> eight = measure(latency, alice, watchers);
            return singleNode(one, eight, minInterval);
        }
    }

    /** Warm-up runs, then {@link #RUNS} measured runs with all of {@code watchers}. */
    private static List<Run> measure(LockLatency latency, Clerk alice, List<Clerk> watchers) {
        for (Clerk watcher : watchers) {
            for (long orderId : ORDERS) {
                LockLatency.awaitFree(watcher, orderId);
            }
        }
        for (int run = 0; run < WARMUP; run++) {
            latency.lockTaken(alice, watchers, ORDERS[run % ORDERS.length]);
        }
        long started = System.nanoTime();
        List<Run> runs = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            runs.add(latency.lockTaken(alice, watchers, ORDERS[run % ORDERS.length]));
        }
        System.out.printf(
                Locale.ROOT,
                "H2, 1 node, %d watcher(s): %d measured runs in %.1f s, after %d warm-up runs%n",
                watchers.size(),
                RUNS,
                (System.nanoTime() - started) / 1e9,
                WARMUP);
        return runs;
    }

    private static String singleNode(List<Run> one, List<Run> eight, String minInterval) {
        List<List<Long>> fromAcquiredOne =
                one.stream().map(PushLatencyBenchmark::fromAcquired).toList();
        List<List<Long>> fromAcquiredEight =
                eight.stream().map(PushLatencyBenchmark::fromAcquired).toList();
        Map<String, Summary> cases = new LinkedHashMap<>();
        cases.put("(a) 1 watcher", Summary.of(all(fromAcquiredOne)));
        cases.put("(b) " + WATCHERS + " watchers, every watcher", Summary.of(all(fromAcquiredEight)));
        cases.put(
                "    first watcher to show, per run",
                Summary.of(fromAcquiredEight.stream().map(Collections::min).toList()));
        cases.put(
                "    last watcher to show, per run",
                Summary.of(fromAcquiredEight.stream().map(Collections::max).toList()));
        cases.put(
                "(a) 1 watcher, from Alice's click",
                Summary.of(one.stream()
                        .map(run -> run.shownAtMs().getFirst() - run.clickedAtMs())
                        .toList()));

        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "%nH2, 1 node: lock taken by Alice (acquiredAt) -> shown in a watcher's grid, ms"
                        + " (%d runs per case, push min-interval %s)%n",
                RUNS,
                minInterval));
        out.append(String.format(
                Locale.ROOT,
                "%-38s %6s %6s %6s %6s %9s %9s%n",
                "case",
                "n",
                "p50",
                "p95",
                "max",
                "p50 / a",
                "p95 / a"));
        Summary a = cases.get("(a) 1 watcher");
        cases.forEach((name, summary) -> out.append(String.format(
                Locale.ROOT,
                "%-38s %6d %6d %6d %6d %9.2f %9.2f%n",
                name,
                summary.n(),
                summary.p50(),
                summary.p95(),
                summary.max(),
                (double) summary.p50() / a.p50(),
                (double) summary.p95() / a.p95())));
        Summary b = cases.get("(b) " + WATCHERS + " watchers, every watcher");
        out.append(String.format(
                Locale.ROOT,
                "100 ms goal (p95 <= %d ms): %s with 1 watcher (p95 %d ms), %s with %d watchers (p95 %d ms)%n",
                GOAL_P95_MS,
                verdict(a),
                a.p95(),
                verdict(b),
                WATCHERS,
                b.p95()));
        return out.toString();
    }

    private static List<Long> fromAcquired(Run run) {
        long acquiredAt = run.lock().acquiredAt().toEpochMilli();
        return run.shownAtMs().stream().map(at -> at - acquiredAt).toList();
    }

    private static List<Long> all(List<List<Long>> runs) {
        return runs.stream().flatMap(List::stream).toList();
    }

    private static String verdict(Summary summary) {
        return summary.p95() <= GOAL_P95_MS ? "met" : "NOT met";
    }

    // ---- Helpers ----

    private static String baseUrl(ConfigurableApplicationContext node) {
        return "http://localhost:" + node.getEnvironment().getProperty("local.server.port");
    }

    private static long nowMicros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " / " + fields[1] + " / " + fields[2] + " (1 / 5 / 15 min)";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
