package org.orderdesk.bench.grid;

import com.vaadin.browserless.SecuredBrowserlessApplicationContext;
import com.vaadin.browserless.SpringBrowserlessApplicationContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.orderdesk.Application;
import org.orderdesk.bench.Benchmark;
import org.orderdesk.bench.BenchmarkRun;
import org.orderdesk.lock.LockService;
import org.orderdesk.order.OrderStatus;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * What the lock column costs the orders grid: the same clerk's grid in two browserless windows of
 * one application, one as the app shows it and one with the lock column taken out, takes the same
 * steps in turn (scrolling, filtering) on a large table with many live locks; each step is timed
 * and its SQL statements are counted.
 */
public final class GridCostBenchmark implements Benchmark {

    private final int orders = Integer.getInteger("bench.orders", 100_000);
    private final int liveLocks = Integer.getInteger("bench.locks", 1_000);
    private final int runs = Integer.getInteger("bench.runs", 1_000);
    private final int warmUp = Integer.getInteger("bench.warmup", 300);
    private final int filterRuns = Integer.getInteger("bench.filterRuns", 100);

    @Override
    public String id() {
        return "grid-cost";
    }

    @Override
    public String title() {
        return "What the lock column costs the orders grid";
    }

    @Override
    public String run(BenchmarkRun run) {
        StatementCounter counter = new StatementCounter();
        long started = System.nanoTime();
        try (ConfigurableApplicationContext context = DemoOrdersApplication.start(
                orders,
                beforeRefresh -> beforeRefresh.getBeanFactory().addBeanPostProcessor(counter.wrapper()),
                // The locks must stay live for the whole run: nobody renews them.
                "orderdesk.lock.lease=1h")) {
            run.progress("%,d demo orders written in %.1f s", orders, (System.nanoTime() - started) / 1e9);
            LockedPages.lock(context.getBean(LockService.class), LockedPages.orderIds(liveLocks, orders));
            SecuredBrowserlessApplicationContext<Authentication> app =
                    SpringBrowserlessApplicationContext.createSecured(context, Application.class);
            try {
                return measure(run, context, app, counter);
            } finally {
                app.close();
            }
        }
    }

    private String measure(
            BenchmarkRun run,
            ConfigurableApplicationContext context,
            SecuredBrowserlessApplicationContext<Authentication> app,
            StatementCounter counter) {
        UserDetails alice = context.getBean(UserDetailsService.class).loadUserByUsername("alice");
        counter.start();
        GridWindow with = new GridWindow(app, alice);
        StatementCounter.Statements opening = counter.stop();
        GridWindow without = new GridWindow(app, alice).withoutLockColumn();
        SideBySide sideBySide = new SideBySide(with, without, counter);

        run.progress("scrolling, %d + %d times per step and window", warmUp, runs);
        Map<String, SideBySide.Paired> results = new LinkedHashMap<>();
        results.putAll(sideBySide.measure(
                List.of(new SideBySide.Step(
                        "scroll to the next page",
                        (window, i) -> window.show(LockedPages.FIRST_SCROLLED + i % LockedPages.SCROLLED))),
                warmUp,
                runs));
        results.putAll(sideBySide.measure(
                List.of(
                        new SideBySide.Step(
                                "page with every row locked", (window, i) -> window.show(LockedPages.ALL_LOCKED)),
                        new SideBySide.Step(
                                "page with no row locked", (window, i) -> window.show(LockedPages.NONE_LOCKED))),
                warmUp / 2,
                runs / 2));
        // A clerk filters at the top of the grid: the first page is what each filter change reads.
        for (GridWindow window : List.of(with, without)) {
            window.activate();
            window.show(0);
        }
        run.progress("filtering, %d times per step and window", filterRuns);
        results.putAll(sideBySide.measure(filterSteps(), filterRuns / 5, filterRuns));
        with.pageSize(2 * LockedPages.PAGE);
        without.pageSize(2 * LockedPages.PAGE);
        run.progress("scrolling pages of %d rows", 2 * LockedPages.PAGE);
        results.putAll(sideBySide.measure(
                List.of(new SideBySide.Step(
                        "scroll to the next page of 100 rows",
                        (window, i) -> window.show(1 + i % (LockedPages.SCROLLED / 2)))),
                warmUp / 2,
                runs / 2));
        return new GridCostReport(run, orders, liveLocks, results, opening).markdown();
    }

    private static List<SideBySide.Step> filterSteps() {
        return List.of(
                new SideBySide.Step("filter: customer text \"harbour\"", (window, i) -> window.search("harbour")),
                new SideBySide.Step("filter cleared", (window, i) -> window.search("")),
                new SideBySide.Step("filter: status Cancelled", (window, i) -> window.status(OrderStatus.CANCELLED)),
                new SideBySide.Step("filter cleared", (window, i) -> window.status(null)),
                new SideBySide.Step("filter: order number \"OD-00012\"", (window, i) -> window.search("OD-00012")),
                new SideBySide.Step("filter cleared", (window, i) -> window.search("")));
    }

    static String setting(BenchmarkRun run) {
        return run.machine().h2() + " in memory, browserless Vaadin " + com.vaadin.flow.server.Version.getFullVersion();
    }

    static String format(String pattern, Object... arguments) {
        return String.format(Locale.ROOT, pattern, arguments);
    }
}
