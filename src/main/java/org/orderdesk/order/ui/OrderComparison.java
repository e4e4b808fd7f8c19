package org.orderdesk.order.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.orderdesk.order.LineDraft;
import org.orderdesk.order.OrderDraft;
import org.orderdesk.ui.Formats;

/** The clerk's unsaved values next to the saved ones, field by field and line by line. */
final class OrderComparison {

    /** One row of the comparison; {@code differs} when the clerk's value is not the saved one. */
    record Row(String field, String mine, String saved) {
        boolean differs() {
            return !mine.equals(saved);
        }
    }

    private static final String NONE = "—";

    private OrderComparison() {}

    /**
     * @param mine the clerk's values
     * @param loaded the order as the clerk's editor loaded it, to tell a line the clerk removed
     *     from one somebody added since
     * @param saved the order as stored now
     */
    static List<Row> compare(OrderDraft mine, OrderDraft loaded, OrderDraft saved) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("Customer", mine.getCustomer(), saved.getCustomer()));
        rows.add(new Row("Status", mine.getStatus().label(), saved.getStatus().label()));
        rows.add(new Row("Order date", Formats.date(mine.getOrderDate()), Formats.date(saved.getOrderDate())));
        rows.add(new Row(
                "Requested delivery",
                Formats.date(mine.getRequestedDeliveryDate()),
                Formats.date(saved.getRequestedDeliveryDate())));
        rows.add(new Row("Notes", mine.getNotes(), saved.getNotes()));
        rows.addAll(lines(mine.getLines(), loaded.getLines(), saved.getLines()));
        rows.add(new Row("Total", Formats.money(mine.total()), Formats.money(saved.total())));
        return rows;
    }

    /** Lines are matched by id: a new line of mine has no saved twin, a line removed by me has no line of mine. */
    private static List<Row> lines(List<LineDraft> mine, List<LineDraft> loaded, List<LineDraft> saved) {
        Map<Long, LineDraft> savedById = saved.stream()
                .filter(line -> line.getId() != null)
                .collect(Collectors.toMap(line -> Objects.requireNonNull(line.getId()), Function.identity()));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < mine.size(); i++) {
            LineDraft line = mine.get(i);
            LineDraft twin = line.getId() == null ? null : savedById.remove(line.getId());
            rows.add(new Row("Line " + (i + 1), describe(line), describe(twin)));
        }
        for (LineDraft line : savedById.values()) {
            boolean hadIt = loaded.stream().anyMatch(known -> Objects.equals(known.getId(), line.getId()));
            rows.add(new Row(hadIt ? "Line you removed" : "Line added since", NONE, describe(line)));
        }
        return rows;
    }

    private static String describe(@Nullable LineDraft line) {
        if (line == null) {
            return NONE;
        }
        return line.getProduct() + " × " + line.getQuantity() + " at " + Formats.money(line.getUnitPrice()) + " = "
                + Formats.money(line.lineTotal());
    }
}
