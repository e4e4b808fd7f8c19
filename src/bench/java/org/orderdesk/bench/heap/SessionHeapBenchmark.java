package org.orderdesk.bench.heap;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.orderdesk.bench.Benchmark;
import org.orderdesk.bench.BenchmarkRun;
import org.orderdesk.bench.Distribution;
import org.orderdesk.bench.TextTable;
import org.orderdesk.bench.app.RunningApp;
import org.orderdesk.bench.heap.ClerkSessions.Grid;
import org.orderdesk.lock.LockHolder;
import org.orderdesk.lock.LockService;
import org.orderdesk.lock.ResourceId;

/**
 * P5: the heap a clerk's session on the orders grid keeps, with the lock features and without
 * them, in alternating blocks of sessions in one JVM.
 */
public final class SessionHeapBenchmark implements Benchmark {

    private static final List<String> CLERKS = List.of("bob", "alice");

    @Override
    public String id() {
        return "session-heap";
    }

    @Override
    public String title() {
        return "Memory per clerk session";
    }

    /** A fixed heap, so that its size never moves between the measurements. */
    @Override
    public List<String> jvmOptions() {
        return List.of("-Xms2g", "-Xmx2g");
    }

    @Override
    public String run(BenchmarkRun run) throws Exception {
        int sessions = Integer.getInteger("bench.sessions", 200);
        int rounds = Integer.getInteger("bench.rounds", 5);
        int liveLocks = Integer.getInteger("bench.liveLocks", 20);
        Map<Grid, List<Double>> perSession = new EnumMap<>(Grid.class);
        List<Double> locksAdd = new ArrayList<>();
        HistogramDifference difference;
        try (RunningApp app = RunningApp.start()) {
            holdLocks(app, liveLocks);
            for (Grid grid : Grid.values()) {
                new ClerkSessions(app, CLERKS, 20, grid).close();
                perSession.put(grid, new ArrayList<>());
            }
            Map<Grid, Map<String, Long>> histograms = new EnumMap<>(Grid.class);
            for (int round = 0; round < rounds; round++) {
                Map<Grid, Double> kilobytes = new EnumMap<>(Grid.class);
                List<Grid> order = round % 2 == 0
                        ? List.of(Grid.WITHOUT_LOCKS, Grid.WITH_LOCKS)
                        : List.of(Grid.WITH_LOCKS, Grid.WITHOUT_LOCKS);
                for (Grid grid : order) {
                    long before = HeapMeter.liveBytes();
                    try (ClerkSessions block = new ClerkSessions(app, CLERKS, sessions, grid)) {
                        long after = HeapMeter.liveBytes();
                        kilobytes.put(grid, (after - before) / 1024.0 / sessions);
                        if (round == rounds - 1) {
                            histograms.put(grid, HeapMeter.histogram());
                        }
                    }
                }
                kilobytes.forEach((grid, kB) -> perSession.get(grid).add(kB));
                locksAdd.add(kilobytes.get(Grid.WITH_LOCKS) - kilobytes.get(Grid.WITHOUT_LOCKS));
                run.progress("round %d: %s", round + 1, kilobytes);
            }
            difference = new HistogramDifference(
                    histograms.get(Grid.WITH_LOCKS), histograms.get(Grid.WITHOUT_LOCKS), sessions);
        }
        Distribution with = Distribution.of(perSession.get(Grid.WITH_LOCKS));
        Distribution without = Distribution.of(perSession.get(Grid.WITHOUT_LOCKS));
        Distribution added = Distribution.of(locksAdd);
        TextTable table = new TextTable(
                "Retained heap per clerk session on the orders grid, kB",
                "grid",
                "rounds",
                "p50",
                "min",
                "max",
                "mean");
        table.row(
                "with lock features",
                with.n(),
                kB(with.p50()),
                kB(min(perSession.get(Grid.WITH_LOCKS))),
                kB(with.max()),
                kB(with.mean()));
        table.row(
                "without",
                without.n(),
                kB(without.p50()),
                kB(min(perSession.get(Grid.WITHOUT_LOCKS))),
                kB(without.max()),
                kB(without.mean()));
        table.row(
                "what the locks add", added.n(), kB(added.p50()), kB(min(locksAdd)), kB(added.max()), kB(added.mean()));

        StringBuilder markdown = new StringBuilder();
        markdown.append(String.format(
                Locale.ROOT,
                "Blocks of %d clerks' sessions (browserless, the whole application on H2 in memory), each signed "
                        + "in with one window on the orders grid and its first page of 50 rows loaded, opened "
                        + "together: the heap in use after full collections with the block open, less before it, "
                        + "÷ %d. Blocks with the lock features (lock column, lock table, lock subscriptions) and "
                        + "without them (the same view built without, a route of the benchmarks only) alternate, "
                        + "%d rounds after a warm-up block of each; %d orders are locked by another clerk "
                        + "meanwhile, so each lock table has something to hold. A browserless round trip writes "
                        + "no response, so after each step of opening a window the JavaScript calls queued for the "
                        + "browser are taken from the UI as a response would take them (left queued, they kept the "
                        + "view a new window first shows alive). The class histogram compares the whole heap with "
                        + "each of the last round's two blocks open.%n%n",
                sessions,
                sessions,
                rounds,
                liveLocks));
        markdown.append(run.table("H2 in memory, browserless sessions, G1, 2 GB heap", table));
        markdown.append(run.table("H2 in memory, browserless sessions, G1, 2 GB heap", difference.table(10)));
        markdown.append(
                run.goal("≤ 300 kB per session (p50, with the lock features)", with.p50() <= 300, kB(with.p50())));
        // A negative difference says the two blocks differ in more than the lock features: not a pass.
        markdown.append(run.goal(
                "≤ 5 kB for the locks (p50 of the difference)",
                added.p50() >= 0 && added.p50() <= 5,
                kB(added.p50()) + (added.p50() < 0 ? " (negative: the blocks differ in more than the locks)" : "")));
        return markdown.toString();
    }

    /** Orders 1.. locked by a clerk who is not watching, through the application's own service. */
    private static void holdLocks(RunningApp app, int count) {
        LockService locks = app.bean(LockService.class);
        for (int order = 1; order <= count; order++) {
            locks.acquire(ResourceId.order(order), new LockHolder("carol", "Carol", "heap-bench-" + order));
        }
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    private static String kB(double kilobytes) {
        return String.format(Locale.ROOT, "%.1f", kilobytes);
    }
}
