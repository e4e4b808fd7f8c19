package org.orderdesk.bench.grid;

import static org.orderdesk.bench.grid.GridCostBenchmark.format;

import java.util.List;
import java.util.Map;
import org.orderdesk.bench.BenchmarkRun;
import org.orderdesk.bench.Distribution;
import org.orderdesk.bench.TextTable;

/** The grid-cost section: what was measured, the times side by side, the statements, the goals. */
final class GridCostReport {

    private static final String NEXT_PAGE = "scroll to the next page";

    private final BenchmarkRun run;
    private final int orders;
    private final int liveLocks;
    private final Map<String, SideBySide.Paired> results;
    private final StatementCounter.Statements opening;

    GridCostReport(
            BenchmarkRun run,
            int orders,
            int liveLocks,
            Map<String, SideBySide.Paired> results,
            StatementCounter.Statements opening) {
        this.run = run;
        this.orders = orders;
        this.liveLocks = liveLocks;
        this.results = results;
        this.opening = opening;
    }

    String markdown() {
        StringBuilder markdown = new StringBuilder(format(
                "One application on an in-memory H2 with %,d demo orders and %,d live locks, acquired through"
                        + " `LockService` for other clerks: every fifth row of pages 1–20 of the grid, every row of"
                        + " page 21, none on page 22, the rest spread over the table. The same clerk has the orders"
                        + " view open in two browserless windows (real sessions, real `OrdersView` and grid, no"
                        + " browser), one with the lock column taken out; each step is taken in one window and"
                        + " then in the other, which one goes first alternating, after unmeasured warm-up rounds."
                        + " A step sets what the browser's request would set (the rows in view, a filter field)"
                        + " and runs the round trip that answers it, so its time covers the query and the"
                        + " rendering of every cell into the response, lock cells included. Statements are"
                        + " counted per step on the step's own thread by a datasource-proxy around the pool.%n%n",
                orders, liveLocks));
        markdown.append(run.table(GridCostBenchmark.setting(run), times()));
        markdown.append(run.table(GridCostBenchmark.setting(run), statements()));
        goals(markdown);
        results.forEach((step, paired) -> run.progress(
                "%s, with the lock column: %s",
                step, paired.with().statements().getFirst().sql()));
        run.progress("opening: %s", opening.sql());
        return markdown.toString();
    }

    private TextTable times() {
        TextTable table = new TextTable(
                "Time per step, ms",
                "step",
                "with p50",
                "with p95",
                "without p50",
                "without p95",
                "ratio p50",
                "ratio mean",
                "runs");
        results.forEach((step, paired) -> {
            Distribution with = paired.with().times();
            Distribution without = paired.without().times();
            table.row(
                    step,
                    with.p50(),
                    with.p95(),
                    without.p50(),
                    without.p95(),
                    with.p50() / without.p50(),
                    with.mean() / without.mean(),
                    with.n());
        });
        table.footnote("with = the grid as the app shows it; without = the same grid without its lock column;"
                + " ratio = with ÷ without. Pages hold 50 rows unless the step says otherwise.");
        return table;
    }

    private TextTable statements() {
        TextTable table = new TextTable(
                "SQL statements per step",
                "step",
                "with: statements",
                "count queries",
                "other reads",
                "without: statements",
                "steps counted");
        results.forEach((step, paired) -> table.row(
                step,
                range(paired.with().fewestStatements(), paired.with().mostStatements()),
                range(paired.with().fewestCounts(), paired.with().mostCounts()),
                paired.with().mostRowReads(),
                range(paired.without().fewestStatements(), paired.without().mostStatements()),
                paired.with().statements().size()
                        + paired.without().statements().size()));
        table.row("opening the orders view (with)", opening.total(), opening.counts(), opening.rowReads(), "-", 1);
        table.footnote("A range a–b means the fewest and the most of all the steps counted.");
        return table;
    }

    private void goals(StringBuilder markdown) {
        SideBySide.Paired nextPage = results.get(NEXT_PAGE);
        double ratio =
                nextPage.with().times().p50() / nextPage.without().times().p50();
        markdown.append(run.goal(
                "a page with the lock column ≤ 1.2 × the page without it (scroll to the next page, p50)",
                ratio <= 1.2,
                format(
                        "%.2f × (%.2f ms ÷ %.2f ms)",
                        ratio,
                        nextPage.with().times().p50(),
                        nextPage.without().times().p50())));

        List<SideBySide.Samples> filters = results.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith("filter"))
                .flatMap(entry -> java.util.stream.Stream.of(
                        entry.getValue().with(), entry.getValue().without()))
                .toList();
        long fewest = filters.stream()
                .mapToLong(SideBySide.Samples::fewestCounts)
                .min()
                .orElseThrow();
        long most =
                filters.stream().mapToLong(SideBySide.Samples::mostCounts).max().orElseThrow();
        int changes = filters.stream()
                .mapToInt(samples -> samples.statements().size())
                .sum();
        markdown.append(run.goal(
                "one count query per filter change",
                fewest == 1 && most == 1,
                format(
                        "%s count %s in each of %,d filter changes",
                        range(fewest, most), most == 1 ? "query" : "queries", changes)));

        List<SideBySide.Samples> pages = results.entrySet().stream()
                .filter(entry -> !entry.getKey().startsWith("filter"))
                .flatMap(entry -> java.util.stream.Stream.of(
                        entry.getValue().with(), entry.getValue().without()))
                .toList();
        int fewestPerPage = pages.stream()
                .mapToInt(SideBySide.Samples::fewestStatements)
                .min()
                .orElseThrow();
        int mostPerPage = pages.stream()
                .mapToInt(SideBySide.Samples::mostStatements)
                .max()
                .orElseThrow();
        markdown.append(run.goal(
                "no query per row",
                fewestPerPage == mostPerPage,
                format(
                        "%s statement(s) for every page shown, of 50 or 100 rows, with 0, 10 or 50 locked rows,"
                                + " with or without the lock column",
                        range(fewestPerPage, mostPerPage))));
    }

    private static String range(long fewest, long most) {
        return fewest == most ? Long.toString(fewest) : fewest + "–" + most;
    }
}
