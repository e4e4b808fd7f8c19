package org.orderdesk.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One row of the orders grid: the order without its lines. */
public record OrderSummary(
        long id,
        String orderNumber,
        String customer,
        OrderStatus status,
        LocalDate orderDate,
        @Nullable LocalDate requestedDeliveryDate,
        BigDecimal total,
        @Nullable String lastChangedBy,
        @Nullable Instant lastChangedAt) {

    static OrderSummary of(Order order) {
        return new OrderSummary(
                Objects.requireNonNull(order.getId()),
                order.getOrderNumber(),
                order.getCustomer(),
                order.getStatus(),
                order.getOrderDate(),
                order.getRequestedDeliveryDate(),
                order.getTotal(),
                order.getLastChangedBy(),
                order.getLastChangedAt());
    }
}
