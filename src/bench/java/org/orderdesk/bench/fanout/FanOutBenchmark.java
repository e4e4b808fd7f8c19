package org.orderdesk.bench.fanout;

import java.util.List;
import java.util.Locale;
import org.orderdesk.bench.Benchmark;
import org.orderdesk.bench.BenchmarkRun;
import org.orderdesk.bench.Distribution;
import org.orderdesk.bench.TextTable;
import org.orderdesk.bench.app.RunningApp;

/**
 * P4: one lock event fanned out to 100, 1,000 and 5,000 clerks' screens on the orders grid, from
 * the lock taken until every screen's push carries it.
 */
public final class FanOutBenchmark implements Benchmark {

    private static final String ID = "fan-out";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "One lock event fanned out to many screens";
    }

    @Override
    public List<String> jvmOptions() {
        return List.of("-Xmx6g");
    }

    @Override
    public String run(BenchmarkRun run) throws Exception {
        List<Integer> sizes = sizes();
        int events = Integer.getInteger("bench.events", 30);
        TextTable table = new TextTable(
                "One lock event until every screen shows it",
                "screens",
                "events",
                "all shown p50",
                "p95",
                "p99",
                "max",
                "per screen p50",
                "taker waits p50");
        double thousandP95 = Double.NaN;
        double perScreenAtSmallest = Double.NaN;
        double perScreenAtLargest = Double.NaN;
        try (RunningApp app = RunningApp.start();
                GridScreens screens = new GridScreens(app, "bob")) {
            FanOutRounds rounds = new FanOutRounds(app, screens);
            for (int size : sizes) {
                long began = System.nanoTime();
                screens.growTo(size);
                run.progress("%,d screens open (%.0f s); warming up", size, (System.nanoTime() - began) / 1e9);
                rounds.measure(6);
                List<FanOutRounds.Sample> measured = rounds.measure(events);
                Distribution all = Distribution.of(measured.stream()
                        .mapToDouble(FanOutRounds.Sample::allShownMs)
                        .toArray());
                Distribution taker = Distribution.of(measured.stream()
                        .mapToDouble(FanOutRounds.Sample::takerMs)
                        .toArray());
                double perScreenMicros = all.p50() * 1000 / size;
                run.progress("%,d screens: all shown p50 %.1f ms, p95 %.1f ms", size, all.p50(), all.p95());
                table.row(
                        String.format(Locale.ROOT, "%,d", size),
                        Integer.toString(all.n()),
                        ms(all.p50()),
                        ms(all.p95()),
                        ms(all.p99()),
                        ms(all.max()),
                        String.format(Locale.ROOT, "%.1f µs", perScreenMicros),
                        ms(taker.p50()));
                if (size == 1000) {
                    thousandP95 = all.p95();
                }
                if (size == sizes.get(0)) {
                    perScreenAtSmallest = perScreenMicros;
                }
                perScreenAtLargest = perScreenMicros;
            }
        }
        StringBuilder markdown = new StringBuilder();
        markdown.append("Clerks' screens are browserless sessions of the whole application (H2 in memory), each a ")
                .append("`VaadinSession` and UI of its own on the orders grid with its first page loaded and its ")
                .append("lock column live. Another clerk takes and lets go an order shown on every grid through ")
                .append("`LockService`; each event goes the application's way (commit, `EventBroadcaster`, the ")
                .append("screen's push queue, `ui.access` on a thread of its own under the screen's session lock), ")
                .append("and each screen's push writes its message as a real push does (UIDL with the grid row ")
                .append("re-rendered), handed to a recorder instead of a socket. *All shown* runs from the call to ")
                .append("`acquire`/`release` until the last screen's message carries the change; *taker waits* is ")
                .append("how long that call took, delivery to the push queues included. Events are 300 ms apart ")
                .append("(past the push interval); screens are added 100 → 1,000 → 5,000 in one run, with 6 ")
                .append("unmeasured events at each size.\n\n");
        markdown.append(run.table("H2 in memory, browserless sessions", table));
        markdown.append(run.goal(
                "≤ 100 ms for 1,000 screens (p95)",
                thousandP95 <= 100,
                Double.isNaN(thousandP95) ? "not measured" : ms(thousandP95)));
        markdown.append(run.goal(
                "linear or better: per-screen cost at the largest size no more than at the smallest",
                perScreenAtLargest <= perScreenAtSmallest * 1.1,
                String.format(Locale.ROOT, "%.1f µs vs %.1f µs per screen", perScreenAtLargest, perScreenAtSmallest)));
        return markdown.toString();
    }

    private static List<Integer> sizes() {
        String sizes = System.getProperty("bench.screens", "100,1000,5000");
        return java.util.Arrays.stream(sizes.split(",")).map(Integer::valueOf).toList();
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, "%.1f ms", millis);
    }
}
