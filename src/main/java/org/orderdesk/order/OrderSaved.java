package org.orderdesk.order;

import java.time.Instant;
import org.orderdesk.event.LiveEvent;

/** An order was saved under its edit lock; views showing it can refresh. */
public record OrderSaved(long orderId, String orderNumber, long version, String savedBy, Instant at)
        implements LiveEvent {}
