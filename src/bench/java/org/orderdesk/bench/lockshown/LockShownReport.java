package org.orderdesk.bench.lockshown;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.orderdesk.bench.BenchmarkRun;
import org.orderdesk.bench.Distribution;
import org.orderdesk.bench.TextTable;
import org.springframework.core.env.Environment;

/**
 * The benchmark's section: what it measures, one table per number of watchers with same node and
 * cross node side by side, step by step, and the goals. Percentiles are per step, so the steps'
 * p95 come from different runs and do not add up to the total's.
 */
final class LockShownReport {

    static final double GOAL_P95_MS = 100;
    static final double GOAL_CROSS_NODE_EXTRA_MS = 20;

    private final Map<LockShownCase, List<MeasuredRun>> runsByCase;
    private final String minInterval;
    private final String pollInterval;

    LockShownReport(Map<LockShownCase, List<MeasuredRun>> runsByCase, Environment nodeA) {
        this.runsByCase = runsByCase;
        this.minInterval = nodeA.getProperty("orderdesk.push.min-interval", "250ms");
        this.pollInterval = nodeA.getProperty("orderdesk.cluster.poll-interval", "250ms");
    }

    String introduction() {
        return String.format(
                Locale.ROOT,
                """
                Two application nodes of one cluster on one PostgreSQL database start in the benchmark's JVM \
                (`ClusterNodes`: the relay on, the test profile, 200 demo orders, push min-interval %s, relay \
                poll interval %s), with one system Chromium (Playwright), every clerk in a browser context of \
                their own on the orders grid at 1600 × 800. Alice, on node A, clicks **Edit** on an order \
                (4, 6, 8, 10, 12 in turn), her editor takes the lock, the watchers' grids show "Alice", she \
                cancels and the grids show the order free again. The watchers are 1 or %d clerks, all signed in \
                on node A (same node) or all on node B (cross node); the four cases take turns in blocks of %d \
                measured runs, each block after one warm-up run (and %d at the start), %d measured runs per \
                case, and every window not measured is parked on `about:blank`. A run is timed from Alice's \
                click (a capture-phase listener in her page), through the request her page sent (its resource \
                timing) and the lock event on node A right after the commit and on the watchers' node (a \
                subscriber on each node's `EventBroadcaster`), to the moment each watcher's grid shows the \
                lock (a `MutationObserver` in the watcher's page): one machine, one clock. With %d watchers \
                "every watcher" is the distribution over all watchers' times, "slowest" that of the last \
                watcher to show the lock in each run: when it is visible in all of the other clerks' browsers.

                """,
                minInterval,
                pollInterval,
                LockShownBenchmark.MANY_WATCHERS,
                LockShownBenchmark.BLOCK,
                LockShownBenchmark.WARMUP,
                LockShownBenchmark.RUNS,
                LockShownBenchmark.MANY_WATCHERS);
    }

    /** Same node against cross node for {@code watchers} watchers, step by step, in ms. */
    TextTable table(int watchers) {
        List<MeasuredRun> same = runs(watchers, false);
        List<MeasuredRun> cross = runs(watchers, true);
        String who = watchers == 1 ? "the watcher's" : watchers + " watchers'";
        TextTable table = new TextTable(
                "Alice's click -> lock shown in " + who + " grid, ms (" + same.size() + " + " + cross.size()
                        + " runs, same node + cross node)",
                "step",
                "same p50",
                "same p95",
                "same max",
                "cross p50",
                "cross p95",
                "cross max",
                "cross-same p95");
        if (watchers == 1) {
            row(table, "click -> shown (total)", same, cross, MeasuredRun::totals);
        } else {
            row(table, "click -> shown (total), every watcher", same, cross, MeasuredRun::totals);
            row(table, "click -> shown (total), slowest per run", same, cross, run -> List.of(run.slowestTotal()));
        }
        row(table, "  click -> request sent by Alice's page", same, cross, run -> List.of(run.clickToRequest()));
        row(table, "  request sent -> lock committed on A", same, cross, run -> List.of(run.requestToCommit()));
        row(
                table,
                "  committed on A -> event on " + (watchers == 1 ? "watcher's" : "watchers'") + " node",
                same,
                cross,
                run -> List.of(run.commitToEvent()));
        if (watchers == 1) {
            row(table, "  event -> shown (push, DOM)", same, cross, MeasuredRun::eventToShown);
        } else {
            row(table, "  event -> shown (push, DOM), every watcher", same, cross, MeasuredRun::eventToShown);
            row(
                    table,
                    "  event -> shown (push, DOM), slowest per run",
                    same,
                    cross,
                    run -> List.of(run.slowestEventToShown()));
        }
        table.footnote(String.format(
                Locale.ROOT,
                "Alice's request timed by her page in %d of %d same-node and %d of %d cross-node runs",
                timedRequests(same),
                same.size(),
                timedRequests(cross),
                cross.size()));
        return table;
    }

    String goals(BenchmarkRun run) {
        StringBuilder goals = new StringBuilder();
        for (int watchers : List.of(1, LockShownBenchmark.MANY_WATCHERS)) {
            double same = slowestTotal(watchers, false).p95();
            goals.append(run.goal(
                    String.format(
                            Locale.ROOT,
                            "p95 ≤ %.0f ms from the click, same node, %s",
                            GOAL_P95_MS,
                            watchers == 1 ? "1 watcher" : watchers + " watchers (the slowest of them per run)"),
                    same <= GOAL_P95_MS,
                    String.format(Locale.ROOT, "p95 %.0f ms", same)));
        }
        for (int watchers : List.of(1, LockShownBenchmark.MANY_WATCHERS)) {
            double same = slowestTotal(watchers, false).p95();
            double cross = slowestTotal(watchers, true).p95();
            goals.append(run.goal(
                    String.format(
                            Locale.ROOT,
                            "cross node p95 within %.0f ms of same node, %s",
                            GOAL_CROSS_NODE_EXTRA_MS,
                            watchers == 1 ? "1 watcher" : watchers + " watchers (the slowest per run)"),
                    cross - same <= GOAL_CROSS_NODE_EXTRA_MS,
                    String.format(Locale.ROOT, "%+.0f ms (p95 %.0f against %.0f ms)", cross - same, cross, same)));
        }
        return goals.toString();
    }

    private Distribution slowestTotal(int watchers, boolean crossNode) {
        return Distribution.of(runs(watchers, crossNode).stream()
                .map(MeasuredRun::slowestTotal)
                .toList());
    }

    private List<MeasuredRun> runs(int watchers, boolean crossNode) {
        return runsByCase.get(new LockShownCase(watchers, crossNode));
    }

    private static void row(
            TextTable table,
            String step,
            List<MeasuredRun> same,
            List<MeasuredRun> cross,
            Function<MeasuredRun, List<Double>> samples) {
        Distribution s = distribution(same, samples);
        Distribution c = distribution(cross, samples);
        table.row(step, s.p50(), s.p95(), s.max(), c.p50(), c.p95(), c.max(), c.p95() - s.p95());
    }

    /** The step's samples over the runs; a request the page did not time (NaN) leaves its steps out. */
    private static Distribution distribution(List<MeasuredRun> runs, Function<MeasuredRun, List<Double>> samples) {
        List<Double> timed = new ArrayList<>();
        runs.forEach(
                run -> samples.apply(run).stream().filter(ms -> !ms.isNaN()).forEach(timed::add));
        return timed.isEmpty()
                ? new Distribution(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN)
                : Distribution.of(timed);
    }

    private static long timedRequests(List<MeasuredRun> runs) {
        return runs.stream().filter(run -> !Double.isNaN(run.requestSentAtMs())).count();
    }
}
