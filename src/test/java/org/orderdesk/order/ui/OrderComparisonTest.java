package org.orderdesk.order.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orderdesk.order.Order;
import org.orderdesk.order.OrderDraft;
import org.orderdesk.order.OrderStatus;

/** "Compare with saved": every field and line, mine beside saved, the differences marked. */
class OrderComparisonTest {

    private static OrderDraft saved() {
        Order order = new Order("OD-000042", "Acme Tools Ltd", LocalDate.of(2026, 11, 2));
        order.addLine("Cordless drill", 2, new BigDecimal("149.90"));
        return OrderDraft.of(order);
    }

    private static OrderDraft savedWithoutLines() {
        return OrderDraft.of(new Order("OD-000042", "Acme Tools Ltd", LocalDate.of(2026, 11, 2)));
    }

    @Test
    void showsEveryFieldAndMarksOnlyTheDifferences() {
        OrderDraft mine = savedWithoutLines();
        mine.setStatus(OrderStatus.SHIPPED);
        mine.setNotes("Ring twice");

        List<OrderComparison.Row> rows = OrderComparison.compare(mine, savedWithoutLines(), savedWithoutLines());

        assertThat(rows)
                .containsExactly(
                        new OrderComparison.Row("Customer", "Acme Tools Ltd", "Acme Tools Ltd"),
                        new OrderComparison.Row("Status", "Shipped", "New"),
                        new OrderComparison.Row("Order date", "2026-11-02", "2026-11-02"),
                        new OrderComparison.Row("Requested delivery", "", ""),
                        new OrderComparison.Row("Notes", "Ring twice", ""),
                        new OrderComparison.Row("Total", "0.00", "0.00"));
        assertThat(rows)
                .filteredOn(OrderComparison.Row::differs)
                .extracting(OrderComparison.Row::field)
                .containsExactly("Status", "Notes");
    }

    @Test
    void aNewLineOfMineHasNoSavedTwin() {
        OrderDraft mine = saved();
        mine.addLine().setProduct("Brass hinge");

        List<OrderComparison.Row> rows = OrderComparison.compare(mine, saved(), saved());

        assertThat(rows).contains(new OrderComparison.Row("Line 2", "Brass hinge × 1 at 0.00 = 0.00", "—"));
    }
}
