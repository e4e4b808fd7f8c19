package org.orderdesk.bench.grid;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.orderdesk.bench.TextTable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The plans H2 picks for the grid's SQL, so that the indices the grid relies on are on record:
 * H2 writes the index it reads and how into comments of its {@code EXPLAIN}, which the table shows.
 */
final class GridPlans {

    private static final Pattern COMMENT = Pattern.compile("/\\*\\s*(.*?)\\s*\\*/", Pattern.DOTALL);

    private GridPlans() {}

    static TextTable explain(JdbcTemplate jdbc, int orders) {
        Map<String, String> queries = new LinkedHashMap<>();
        String page = " offset 0 rows fetch first 50 rows only";
        queries.put("sort by customer, id", "select * from orders o order by o.customer, o.id" + page);
        queries.put("sort by status, id", "select * from orders o order by o.status, o.id" + page);
        queries.put("sort by total desc, id desc", "select * from orders o order by o.total desc, o.id desc" + page);
        queries.put(
                "last page by customer",
                "select * from orders o order by o.customer, o.id offset " + (orders - 50)
                        + " rows fetch first 50 rows only");
        queries.put(
                "order number prefix OD-00012",
                "select * from orders o where o.order_number like 'OD-00012%' escape '\\'"
                        + " order by o.order_number, o.id fetch first 50 rows only");
        queries.put("status CANCELLED: count", "select count(*) from orders o where o.status = 'CANCELLED'");
        queries.put(
                "customer text harbour: count",
                "select count(*) from orders o where lower(o.customer) like '%harbour%' escape '\\'");
        TextTable table = new TextTable(
                String.format(java.util.Locale.ROOT, "H2's plans for the grid's SQL, %,d orders", orders),
                "request",
                "index read, and how (H2's EXPLAIN comments)");
        queries.forEach(
                (request, sql) -> table.row(request, comments(jdbc.queryForObject("explain " + sql, String.class))));
        return table;
    }

    private static String comments(String plan) {
        Matcher matcher = COMMENT.matcher(plan);
        return matcher.results()
                .map(result -> result.group(1).replaceAll("\\s+", " ").replace("PUBLIC.", ""))
                .collect(Collectors.joining("; "));
    }
}
