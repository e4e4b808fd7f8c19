package org.orderdesk.order;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Orders built in memory for unit tests. */
final class SampleOrders {

    private SampleOrders() {}

    /** OD-000042 for Acme Tools Ltd: 2 × 149.90 and 3 × 9.99, total 329.77. */
    static Order acmeOrder() {
        Order order = new Order("OD-000042", "Acme Tools Ltd", LocalDate.of(2026, 11, 2));
        order.addLine("Cordless drill", 2, new BigDecimal("149.90"));
        order.addLine("Cable ties (pack of 500)", 3, new BigDecimal("9.99"));
        return order;
    }
}
