package org.orderdesk.bench.locks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.orderdesk.bench.Benchmark;
import org.orderdesk.bench.BenchmarkRun;
import org.orderdesk.bench.Distribution;
import org.orderdesk.bench.TextTable;
import org.orderdesk.lock.LockProperties;
import org.orderdesk.lock.LockService;
import org.orderdesk.order.EditLock;
import org.orderdesk.order.OrderEditing;

/**
 * P7: N editors each renewing their lock once per renewal interval (30 s), N = 100, 1,000 and
 * 10,000, on H2 and PostgreSQL: the CPU the renewals cost the database, as a share of one core.
 */
public final class RenewalLoadBenchmark implements Benchmark {

    private static final List<Integer> EDITORS = List.of(
            Integer.getInteger("bench.editors1", 100),
            Integer.getInteger("bench.editors2", 1_000),
            Integer.getInteger("bench.editors3", 10_000));
    private static final double WINDOW_SECONDS = Double.parseDouble(System.getProperty("bench.window", "12"));
    private static final double IDLE_SECONDS = 3;
    private static final double GOAL_SHARE = 10;
    private static final double GOAL_GROWTH = 1.5;

    @Override
    public String id() {
        return "renewal-load";
    }

    @Override
    public String title() {
        return "Renewal load";
    }

    @Override
    public String run(BenchmarkRun run) throws Exception {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, """
                N editors each hold one order's lock (taken through `LockService`) and renew it once per \
                renewal interval, through the server-side path a clerk's browser timer triggers \
                (`EditSession` → `OrderEditing.renew` → `LockService.renew`): one renewal every interval ÷ N, \
                spread evenly over a window of %.0f s, handed to 4 request threads, after %s unpaced renewals \
                to warm up. Database time is CPU time as a share of one core over the window: on H2 (in this \
                JVM) the CPU time of the threads that renewed (ThreadMXBean), which includes the engine; on \
                PostgreSQL the CPU time of the server's processes (postmaster and every child, from \
                `/proc/<pid>/stat`, 10 ms ticks) plus that of the renewing threads. PostgreSQL runs as a \
                cluster node does, so each renewal also sends its event by `pg_notify`. Latency is one \
                renewal's time on its request thread.

                """, WINDOW_SECONDS, "min(N, 1,000)"));
        List<String> goals = new ArrayList<>();
        for (LockBenchApp.Kind kind : LockBenchApp.Kind.values()) {
            run.progress("%s: starting the application", kind);
            try (LockBenchApp app = LockBenchApp.start(kind)) {
                String setting = app.setting();
                PostgresProcesses server =
                        kind == LockBenchApp.Kind.POSTGRESQL ? new PostgresProcesses(app.jdbc()) : null;
                long intervalNanos =
                        app.bean(LockProperties.class).renewInterval().toNanos();
                HeldLocks editors = new HeldLocks(app.bean(LockService.class));
                OrderEditing editing = app.bean(OrderEditing.class);
                TextTable table = new TextTable(
                        "renewals of N held locks, each once per " + intervalNanos / 1_000_000_000 + " s",
                        "editors",
                        "renewals/s",
                        "achieved/s",
                        "p50 ms",
                        "p95 ms",
                        "p99 ms",
                        "max ms",
                        "client % core",
                        "server % core",
                        "database % core",
                        "CPU µs/renewal");
                double idleShare = Double.NaN;
                if (server != null) {
                    double before = server.cpuSeconds();
                    Thread.sleep((long) (IDLE_SECONDS * 1000));
                    idleShare = 100 * (server.cpuSeconds() - before) / IDLE_SECONDS;
                }
                Map<Integer, Double> perRenewal = new TreeMap<>();
                Map<Integer, Double> share = new TreeMap<>();
                for (int n : EDITORS) {
                    run.progress("%s: %,d editors take their locks", kind, n);
                    List<EditLock> held = editors.acquire(n, 10L * n);
                    PacedRenewals renewals = new PacedRenewals(editing, held);
                    renewals.warmUp(Math.min(n, 1_000));
                    run.progress("%s: %,d editors renew", kind, n);
                    double serverBefore = server == null ? 0 : server.cpuSeconds();
                    PacedRenewals.Window window = renewals.run(intervalNanos / n, WINDOW_SECONDS);
                    double serverSeconds = server == null ? Double.NaN : server.cpuSeconds() - serverBefore;
                    editors.release(held);
                    double clientShare = 100 * window.clientCpuSeconds() / window.seconds();
                    double serverShare = 100 * serverSeconds / window.seconds();
                    double databaseCpu = window.clientCpuSeconds() + (server == null ? 0 : serverSeconds);
                    double databaseShare = 100 * databaseCpu / window.seconds();
                    double microsPerRenewal = 1e6 * databaseCpu / window.renewals();
                    Distribution latency = window.latency().distribution();
                    table.row(
                            n,
                            n * 1e9 / intervalNanos,
                            window.renewals() / window.seconds(),
                            latency.p50() / 1e3,
                            latency.p95() / 1e3,
                            latency.p99() / 1e3,
                            latency.max() / 1e3,
                            clientShare,
                            serverShare,
                            databaseShare,
                            microsPerRenewal);
                    perRenewal.put(n, microsPerRenewal);
                    share.put(n, databaseShare);
                }
                table.footnote(
                        server == null
                                ? "H2 runs in this JVM: the renewing threads' CPU is the database's"
                                : String.format(
                                        Locale.ROOT,
                                        "the server's processes used %.2f %% of a core idle (%.0f s before the first window),"
                                                + " included above",
                                        idleShare,
                                        IDLE_SECONDS));
                text.append(run.table(setting, table));
                String database = kind == LockBenchApp.Kind.H2 ? "H2" : "PostgreSQL";
                int most = EDITORS.getLast();
                int fewer = EDITORS.get(EDITORS.size() - 2);
                double growth = perRenewal.get(most) / perRenewal.get(fewer);
                goals.add(run.goal(
                        String.format(
                                Locale.ROOT,
                                "cost grows linearly on %s (CPU per renewal at %,d editors within %.1f× of that at %,d)",
                                database,
                                most,
                                GOAL_GROWTH,
                                fewer),
                        growth <= GOAL_GROWTH,
                        String.format(
                                Locale.ROOT,
                                "%.0f µs against %.0f µs per renewal, %.2f×",
                                perRenewal.get(most),
                                perRenewal.get(fewer),
                                growth)));
                goals.add(run.goal(
                        String.format(
                                Locale.ROOT, "%,d editors under %.0f %% of one core on %s", most, GOAL_SHARE, database),
                        share.get(most) < GOAL_SHARE,
                        String.format(Locale.ROOT, "%.1f %%", share.get(most))));
            }
        }
        goals.forEach(text::append);
        return text.toString();
    }
}
