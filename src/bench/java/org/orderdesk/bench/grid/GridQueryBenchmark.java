package org.orderdesk.bench.grid;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.orderdesk.bench.Benchmark;
import org.orderdesk.bench.BenchmarkRun;
import org.orderdesk.bench.Distribution;
import org.orderdesk.bench.TextTable;
import org.orderdesk.order.OrderService;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the orders grid asks the database, timed on a small and on a large table in one run: a
 * ratio near 1 means that a grid request does not grow with the table.
 */
public final class GridQueryBenchmark implements Benchmark {

    private static final int SMALL = 2_000;
    private final int largeOrders = Integer.getInteger("bench.orders", 100_000);
    private final int warmUp = Integer.getInteger("bench.warmup", 30);
    private final int runs = Integer.getInteger("bench.runs", 60);

    @Override
    public String id() {
        return "grid-queries";
    }

    @Override
    public String title() {
        return String.format(Locale.ROOT, "Orders grid at %,d orders", largeOrders);
    }

    @Override
    public String run(BenchmarkRun run) {
        run.progress("warming the JIT up on %,d orders", SMALL);
        measure(run, SMALL, false);
        Measured large = measure(run, largeOrders, true);
        Map<String, Distribution> big = large.times();
        Map<String, Distribution> small = measure(run, SMALL, false).times();

        TextTable table = new TextTable(
                "Grid request, ms",
                "request",
                String.format(Locale.ROOT, "%,d p50", SMALL),
                String.format(Locale.ROOT, "%,d p50", largeOrders),
                String.format(Locale.ROOT, "%,d p95", largeOrders),
                "ratio p50");
        table.footnote(String.format(
                Locale.ROOT,
                "%d calls per request and size after %d warm-up calls; ratio = %,d orders ÷ %,d orders.",
                runs,
                warmUp,
                largeOrders,
                SMALL));
        small.forEach((name, few) -> {
            Distribution many = big.get(name);
            table.row(name, few.p50(), many.p50(), many.p95(), many.p50() / few.p50());
        });
        StringBuilder markdown = new StringBuilder(String.format(
                Locale.ROOT,
                "Each row is one request the orders grid makes (a page of 50 rows, or a page plus the row"
                        + " count when a filter changes), through `OrderService` exactly as the grid calls it,"
                        + " on an in-memory H2 filled by the demo generator: %d calls after %d warm-up calls,"
                        + " with H2's result cache off (`OPTIMIZE_REUSE_RESULTS=FALSE`) so that every call"
                        + " reads the table. A %,d-order database warms the JIT up first; the %,d-order database"
                        + " is measured next and another %,d-order one after it, each in a context of its own.%n%n",
                runs,
                warmUp,
                SMALL,
                largeOrders,
                SMALL));
        markdown.append(run.table(run.machine().h2() + " in memory", table));
        markdown.append(run.table(run.machine().h2() + " in memory", large.plans()));
        return markdown.toString();
    }

    /** The times of each request on one database, and H2's plans if they were asked for. */
    private record Measured(Map<String, Distribution> times, TextTable plans) {}

    private Measured measure(BenchmarkRun run, int orders, boolean explain) {
        long started = System.nanoTime();
        try (ConfigurableApplicationContext context = DemoOrdersApplication.start(orders)) {
            run.progress("%,d demo orders written in %.1f s", orders, (System.nanoTime() - started) / 1e9);
            TextTable plans = explain
                    ? GridPlans.explain(context.getBean(JdbcTemplate.class), orders)
                    : new TextTable("not explained");
            Map<String, Distribution> times = new LinkedHashMap<>();
            GridRequests.of(context.getBean(OrderService.class))
                    .forEach((name, request) -> times.put(name, Timing.of(request::get, warmUp, runs)));
            return new Measured(times, plans);
        }
    }
}
