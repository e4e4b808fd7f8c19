package org.orderdesk.bench;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.orderdesk.Application;
import org.orderdesk.order.OrderFilter;
import org.orderdesk.order.OrderService;
import org.orderdesk.order.OrderStatus;
import org.orderdesk.order.OrderSummary;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the orders grid asks the database, timed on 2,000 and on 100,000 orders in one run.
 * A ratio near 1 means a grid request does not grow with the table. Not a test: run it with
 * {@code ./mvnw -Pbench test-compile exec:java} and copy the output into docs/benchmarks.md.
 */
public final class GridQueryBenchmark {

    private static final int WARMUP = 30;
    private static final int RUNS = 60;
    /** Every grid column sorts, and the grid shows exactly the fields of a summary row but its id. */
    private static final List<String> SORTABLE_COLUMNS = Arrays.stream(OrderSummary.class.getRecordComponents())
            .map(RecordComponent::getName)
            .filter(name -> !name.equals("id"))
            .toList();

    private GridQueryBenchmark() {}

    public static void main(String[] args) {
        int large = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        measure(2_000, false); // warms the JIT up, so neither size is measured cold
        Map<String, Double> big = measure(large, true);
        Map<String, Double> small = measure(2_000, false);

        System.out.printf(
                Locale.ROOT,
                "%n%-48s %12s %12s %8s%n",
                "grid request (median of " + RUNS + ")",
                "2,000 ms",
                String.format(Locale.ROOT, "%,d ms", large),
                "ratio");
        small.forEach((name, smallMs) -> System.out.printf(
                Locale.ROOT, "%-48s %12.2f %12.2f %8.1f%n", name, smallMs, big.get(name), big.get(name) / smallMs));
        System.exit(0);
    }

    private static Map<String, Double> measure(int orders, boolean explain) {
        long seedStart = System.nanoTime();
        // Command-line arguments outrank application.properties, so each run gets its own database.
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
                .run(
                        "--server.port=0",
                        // H2 would otherwise answer a repeated query from its result cache.
                        "--spring.datasource.url=jdbc:h2:mem:bench-" + System.nanoTime()
                                + ";DB_CLOSE_DELAY=-1;OPTIMIZE_REUSE_RESULTS=FALSE",
                        "--orderdesk.demo.orders=" + orders,
                        "--logging.level.root=warn",
                        "--logging.level.org.orderdesk=info",
                        "--spring.main.banner-mode=off")) {
            System.out.printf(
                    Locale.ROOT, "%,d demo orders written in %.1f s%n", orders, (System.nanoTime() - seedStart) / 1e9);
            OrderService service = context.getBean(OrderService.class);
            long stored = service.count(OrderFilter.NONE);
            if (stored != orders) {
                throw new IllegalStateException("expected " + orders + " orders, found " + stored);
            }
            if (explain) {
                explain(context.getBean(JdbcTemplate.class));
            }
            int lastPage = (int) (service.count(OrderFilter.NONE) / 50) - 1;
            Map<String, Supplier<Object>> requests = new LinkedHashMap<>();
            requests.put("first page, no sort", () -> service.list(OrderFilter.NONE, PageRequest.of(0, 50)));
            for (String column : SORTABLE_COLUMNS) {
                requests.put("first page by " + column, () -> service.list(OrderFilter.NONE, page(0, column)));
                requests.put(
                        "first page by " + column + " desc",
                        () -> service.list(
                                OrderFilter.NONE, PageRequest.of(0, 50, Sort.by(Sort.Direction.DESC, column))));
            }
            requests.put("page 20 by customer", () -> service.list(OrderFilter.NONE, page(20, "customer")));
            requests.put("last page by customer", () -> service.list(OrderFilter.NONE, page(lastPage, "customer")));
            requests.put("count, no filter", () -> service.count(OrderFilter.NONE));
            OrderFilter byNumber = new OrderFilter("OD-00012", null);
            requests.put("order number prefix: page + count", () -> pageAndCount(service, byNumber));
            OrderFilter byCustomer = new OrderFilter("harbour", null);
            requests.put("customer text: page + count", () -> pageAndCount(service, byCustomer));
            OrderFilter byStatus = new OrderFilter("", OrderStatus.CANCELLED);
            requests.put("status: page + count", () -> pageAndCount(service, byStatus));
            Map<String, Double> medians = new LinkedHashMap<>();
            requests.forEach((name, request) -> medians.put(name, medianMillis(request)));
            return medians;
        }
    }

    private static PageRequest page(int number, String property) {
        return PageRequest.of(number, 50, Sort.by(property));
    }

    private static Object pageAndCount(OrderService service, OrderFilter filter) {
        return List.of(service.list(filter, page(0, "orderNumber")), service.count(filter));
    }

    private static double medianMillis(Supplier<Object> request) {
        for (int i = 0; i < WARMUP; i++) {
            request.get();
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            request.get();
            times.add((System.nanoTime() - start) / 1e6);
        }
        times.sort(Double::compare);
        return times.get(RUNS / 2);
    }

    /** The plans H2 picks for the grid's SQL, so the indices it relies on are on record. */
    private static void explain(JdbcTemplate jdbc) {
        List<String> queries = List.of(
                "select * from orders o order by o.customer, o.id offset 0 rows fetch first 50 rows only",
                "select * from orders o order by o.status, o.id offset 0 rows fetch first 50 rows only",
                "select * from orders o order by o.last_changed_by, o.id offset 0 rows fetch first 50 rows only",
                "select * from orders o order by o.total desc, o.id desc offset 0 rows fetch first 50 rows only",
                "select * from orders o order by o.customer, o.id offset 99950 rows fetch first 50 rows only",
                "select * from orders o where o.order_number like 'OD-00012%' escape '\\'"
                        + " order by o.order_number, o.id fetch first 50 rows only",
                "select count(*) from orders o where o.status = 'CANCELLED'",
                "select count(*) from orders o where lower(o.customer) like '%harbour%' escape '\\'");
        for (String sql : queries) {
            System.out.println("EXPLAIN " + sql);
            System.out.println(
                    jdbc.queryForObject("explain " + sql, String.class).indent(4));
        }
    }
}
