package org.orderdesk.order;

import java.time.Instant;
import org.orderdesk.event.SharedEvent;

/** An order was saved under its edit lock; views showing it, on every node, can refresh. */
public record OrderSaved(long orderId, String orderNumber, long version, String savedBy, Instant at)
        implements SharedEvent {}
