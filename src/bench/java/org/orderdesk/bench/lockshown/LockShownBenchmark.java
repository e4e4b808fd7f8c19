package org.orderdesk.bench.lockshown;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.orderdesk.bench.Benchmark;
import org.orderdesk.bench.BenchmarkRun;
import org.orderdesk.bench.Machine;
import org.orderdesk.browser.BrowserSession;
import org.orderdesk.browser.LockLatency;
import org.orderdesk.browser.LockLatency.Clerk;
import org.orderdesk.browser.LockLatency.Run;
import org.orderdesk.cluster.ClusterNodes;
import org.orderdesk.lock.LockService;
import org.orderdesk.security.Role;
import org.orderdesk.security.UserAccountService;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How long after Alice clicks Edit in her browser her lock shows in other clerks' grids, by server
 * push, in real Chromium, on two application nodes of one cluster on one PostgreSQL ({@link
 * ClusterNodes}, the relay on). Alice is on node A; 1 or 8 watchers are on node A (same node) or on
 * node B (cross node). The four cases take turns in blocks; a run is {@link LockLatency#lockTaken},
 * timed from Alice's click, with the lock event's time on each node ({@link NodeEvents}) for the
 * split of where the time goes.
 */
public final class LockShownBenchmark implements Benchmark {

    /** Measured runs per case; {@code -Dbench.runs=5} for a quick try of the benchmark itself. */
    static final int RUNS = Integer.getInteger("bench.runs", 50);
    /**
     * Measured runs per block; each block starts with one warm-up run. Ten keeps the page loads of
     * switching cases (16 per round of the four) and the warm-ups within the runtime budget.
     */
    static final int BLOCK = Integer.getInteger("bench.block", 10);

    static final int WARMUP = 5;
    static final int MANY_WATCHERS = 8;
    /** All on the grid's first screen, taken in turn. */
    private static final long[] ORDERS = {4, 6, 8, 10, 12};

    @Override
    public String id() {
        return "lock-shown";
    }

    @Override
    public String title() {
        return "Lock shown live in other clerks' browsers";
    }

    @Override
    public String run(BenchmarkRun run) {
        try (BrowserSession browser = BrowserSession.launch();
                ClusterNodes cluster = new ClusterNodes()) {
            ConfigurableApplicationContext nodeA = cluster.start(nodeProperties());
            ConfigurableApplicationContext nodeB = cluster.start(nodeProperties());
            Map<String, NodeEvents> eventsByNode = Map.of("A", new NodeEvents(nodeA), "B", new NodeEvents(nodeB));
            UserAccountService accounts = nodeA.getBean(UserAccountService.class);
            for (String username : Watchers.USERNAMES.subList(1, MANY_WATCHERS)) {
                accounts.create(username, Watchers.displayName(username), username, Set.of(Role.CLERK));
            }
            run.progress("signing in Alice and %d watchers on each node", MANY_WATCHERS);
            Clerk alice = LockLatency.signIn(browser.newClerkWindow(1600, 800), baseUrl(nodeA), "alice", "Alice");
            String setting = "PostgreSQL " + serverVersion(nodeA) + " embedded, 2 nodes · Chromium "
                    + alice.page().context().browser().version() + " headless";
            Watchers watchers =
                    Watchers.signIn(browser, Map.of("A", baseUrl(nodeA), "B", baseUrl(nodeB)), MANY_WATCHERS);
            long started = System.nanoTime();
            Map<LockShownCase, List<MeasuredRun>> measured =
                    measure(run, new LockLatency(nodeA.getBean(LockService.class)), alice, watchers, eventsByNode);
            run.progress("%d runs per case in %.0f s", RUNS, (System.nanoTime() - started) / 1e9);
            watchers.close();
            alice.page().context().close();

            LockShownReport report = new LockShownReport(measured, nodeA.getEnvironment());
            return report.introduction()
                    + run.table(setting, report.table(1))
                    + run.table(setting, report.table(MANY_WATCHERS))
                    + report.goals(run);
        }
    }

    private static Map<LockShownCase, List<MeasuredRun>> measure(
            BenchmarkRun run,
            LockLatency latency,
            Clerk alice,
            Watchers watchers,
            Map<String, NodeEvents> eventsByNode) {
        List<LockShownCase> cases = LockShownCase.inBlockOrder(MANY_WATCHERS);
        Map<LockShownCase, List<MeasuredRun>> measured = new LinkedHashMap<>();
        cases.forEach(measuredCase -> measured.put(measuredCase, new ArrayList<>()));
        long started = System.nanoTime();
        int order = 0;
        List<Clerk> first = watchers.show(cases.getFirst(), ORDERS);
        for (int i = 0; i < WARMUP; i++) {
            latency.lockTaken(alice, first, ORDERS[order++ % ORDERS.length]);
        }
        int blocks = (RUNS + BLOCK - 1) / BLOCK;
        for (int block = 0; block < blocks; block++) {
            run.progress(
                    "block %d of %d per case, %.0f s in (%s)",
                    block + 1, blocks, (System.nanoTime() - started) / 1e9, Machine.loadAverage());
            for (LockShownCase measuredCase : cases) {
                List<Clerk> shownTo = watchers.show(measuredCase, ORDERS);
                NodeEvents committing = eventsByNode.get("A");
                NodeEvents watching = eventsByNode.get(measuredCase.node());
                latency.lockTaken(alice, shownTo, ORDERS[order++ % ORDERS.length]);
                List<MeasuredRun> runs = measured.get(measuredCase);
                for (int i = 0; i < BLOCK && runs.size() < RUNS; i++) {
                    Run taken = latency.lockTaken(alice, shownTo, ORDERS[order++ % ORDERS.length]);
                    long token = taken.lock().token();
                    runs.add(new MeasuredRun(
                            taken.clickedAtMs(),
                            taken.requestSentAtMs(),
                            committing.heardAtMs(token),
                            watching.heardAtMs(token),
                            taken.shownAtMs()));
                }
            }
        }
        return measured;
    }

    private static String[] nodeProperties() {
        return new String[] {
            "logging.level.root=warn",
            "logging.level.org.orderdesk=warn",
            "spring.main.banner-mode=off",
            // As in production and in LiveLocksBrowserIT (the nodes' test clocks stand still: nothing ends).
            "orderdesk.lock.sweeper-enabled=true"
        };
    }

    private static String serverVersion(ConfigurableApplicationContext node) {
        return JdbcClient.create(node.getBean(DataSource.class))
                .sql("show server_version")
                .query(String.class)
                .single();
    }

    private static String baseUrl(ConfigurableApplicationContext node) {
        return "http://localhost:" + ClusterNodes.port(node);
    }
}
