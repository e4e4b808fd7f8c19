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

    public @Nullable String changedBy() {
        return changedBy;
    }

    public @Nullable Instant changedAt() {
        return changedAt;
    }
}
