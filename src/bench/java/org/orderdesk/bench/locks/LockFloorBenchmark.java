package org.orderdesk.bench.locks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.orderdesk.bench.Benchmark;
import org.orderdesk.bench.BenchmarkRun;
import org.orderdesk.bench.Distribution;
import org.orderdesk.bench.TextTable;
import org.orderdesk.lock.LockService;

/**
 * P3: acquire + release through {@link LockService} against its floor, bare JDBC on copies of the
 * lock and audit tables ({@link FloorHolds}), on H2 and PostgreSQL, 1, 4 and 16 threads. A second
 * table keeps the single operations of the old lock benchmark (renew, a refused acquire, a sweep
 * and a read of 1,000 live locks).
 */
public final class LockFloorBenchmark implements Benchmark {

    private static final int ROUNDS = Integer.getInteger("bench.rounds", 6);
    private static final long BLOCK_MILLIS = Long.getLong("bench.blockMillis", 500);
    /**
     * Both paths run this long, twice, before any case: the engine's longer path is otherwise still
     * interpreted in the first cases (it measured 27× its floor cold, against about 3× warm).
     */
    private static final long JIT_WARM_UP_MILLIS = Long.getLong("bench.jitWarmUpMillis", 4_000);

    private static final List<HoldLoad> LOADS = List.of(
            new HoldLoad(1, false),
            new HoldLoad(4, false),
            new HoldLoad(16, false),
            new HoldLoad(4, true),
            new HoldLoad(16, true));
    private static final double GOAL = 1.5;

    @Override
    public String id() {
        return "lock-floor";
    }

    @Override
    public String title() {
        return "Lock operations against their floor";
    }

    @Override
    public String run(BenchmarkRun run) throws Exception {
        StringBuilder text =
                new StringBuilder(String.format(Locale.ROOT, """
                An acquire followed by a release of a free order, through `LockService` (the engine), \
                against the floor: the least SQL that still takes a lock row with a fencing token from a \
                sequence and writes the same audit rows (one per acquire, one per release), in bare JDBC on \
                copies of `edit_locks` and `lock_audit` (same columns, keys, checks, indexes) in the same \
                database, through the application's own pool, one transaction per acquire and per release. \
                The floor's acquire is a conditional insert (`INSERT … ON CONFLICT DO NOTHING` on PostgreSQL, \
                `MERGE … WHEN NOT MATCHED` on H2) plus the audit insert; its release the audit insert plus \
                the `DELETE`. What the engine does beyond that is its own cost, so it is not in the floor: the \
                turn row it locks first (which serialises a release with the waiting line), the look at the \
                line, the lock row read under `FOR UPDATE`, the events it publishes and, on PostgreSQL as a \
                cluster node runs it, one `pg_notify` per event. Each case runs the engine and the floor in \
                %d alternating blocks of %d ms each (the order flips every round) after both ran 2 × %d s to warm the JIT and one warm-up block \
                each; every thread of "own orders" cycles over 8 orders of its own, "one order" threads \
                contend for one and retry a refused acquire at once. The ratio is the floor's holds per \
                second over the engine's.

                """, ROUNDS, BLOCK_MILLIS, JIT_WARM_UP_MILLIS / 1000));
        List<String> goals = new ArrayList<>();
        List<String> operations = new ArrayList<>();
        for (LockBenchApp.Kind kind : LockBenchApp.Kind.values()) {
            run.progress("%s: starting the application", kind);
            try (LockBenchApp app = LockBenchApp.start(kind)) {
                String setting = app.setting();
                HoldPath engine = new EngineHolds(app.bean(LockService.class));
                HoldPath floor = FloorHolds.create(app);
                TextTable table = new TextTable(
                        "acquire + release, engine against floor (latency in µs)",
                        "case",
                        "path",
                        "holds/s",
                        "acq p50",
                        "acq p95",
                        "acq p99",
                        "rel p50",
                        "rel p95",
                        "rel p99",
                        "refused/hold",
                        "engine ÷ floor");
                double worst = 0;
                String worstCase = "";
                run.progress("%s: warming up", kind);
                for (int i = 0; i < 2; i++) {
                    LOADS.getFirst().run(engine, JIT_WARM_UP_MILLIS, new HoldLoad.Totals());
                    LOADS.getFirst().run(floor, JIT_WARM_UP_MILLIS, new HoldLoad.Totals());
                }
                for (HoldLoad load : LOADS) {
                    run.progress("%s: %s", kind, load.label());
                    HoldLoad.Totals ofEngine = new HoldLoad.Totals();
                    HoldLoad.Totals ofFloor = new HoldLoad.Totals();
                    load.run(engine, BLOCK_MILLIS, new HoldLoad.Totals());
                    load.run(floor, BLOCK_MILLIS, new HoldLoad.Totals());
                    for (int round = 0; round < ROUNDS; round++) {
                        boolean engineFirst = round % 2 == 0;
                        load.run(engineFirst ? engine : floor, BLOCK_MILLIS, engineFirst ? ofEngine : ofFloor);
                        load.run(engineFirst ? floor : engine, BLOCK_MILLIS, engineFirst ? ofFloor : ofEngine);
                    }
                    double ratio = ofFloor.holdsPerSecond() / ofEngine.holdsPerSecond();
                    row(table, load.label(), engine.name(), ofEngine, String.format(Locale.ROOT, "%.2f×", ratio));
                    row(table, "", floor.name(), ofFloor, "");
                    if (!load.label().endsWith("one order") && ratio > worst) {
                        worst = ratio;
                        worstCase = load.label();
                    }
                }
                table.footnote("refused/hold: refused acquires per granted one (another thread held the order)");
                text.append(run.table(setting, table));
                goals.add(run.goal(
                        "engine ≤ " + GOAL + "× its floor on " + kind.name().replace("POSTGRESQL", "PostgreSQL"),
                        worst <= GOAL,
                        String.format(Locale.ROOT, "%.2f× at worst (%s)", worst, worstCase)));
                run.progress("%s: single operations", kind);
                operations.add(run.table(setting, new SingleOperations(app).measure()));
            }
        }
        text.append("""
                The single operations of the former `LockBenchmark`, through the engine, one thread, each \
                after its own warm-up; 1,000 other locks are held meanwhile.

                """);
        operations.forEach(text::append);
        goals.forEach(text::append);
        return text.toString();
    }

    private static void row(TextTable table, String label, String path, HoldLoad.Totals totals, String ratio) {
        Distribution acquire = totals.acquire.distribution();
        Distribution release = totals.release.distribution();
        table.row(
                label,
                path,
                (long) totals.holdsPerSecond(),
                acquire.p50(),
                acquire.p95(),
                acquire.p99(),
                release.p50(),
                release.p95(),
                release.p99(),
                (double) totals.refused.get() / Math.max(1, totals.holds),
                ratio);
    }
}
