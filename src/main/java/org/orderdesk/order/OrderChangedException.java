package org.orderdesk.order;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A save came from a form loaded at an older version: someone else saved the order in between. */
public class OrderChangedException extends RuntimeException {

    private final @Nullable String changedBy;
    private final @Nullable Instant changedAt;

    public OrderChangedException(String orderNumber, @Nullable String changedBy, @Nullable Instant changedAt) {
        super("Order " + orderNumber + " was changed by " + (changedBy == null ? "someone else" : changedBy)
                + (changedAt == null ? "" : " at " + changedAt) + " after you opened it");
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    /** Says that {@code current}, as stored now, is not the version the clerk loaded. */
    public static OrderChangedException of(Order current) {
        return new OrderChangedException(
                current.getOrderNumber(), current.getLastChangedBy(), current.getLastChangedAt());
    }

    public @Nullable String changedBy() {
        return changedBy;
    }

    public @Nullable Instant changedAt() {
        return changedAt;
    }
}
