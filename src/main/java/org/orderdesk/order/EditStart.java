package org.orderdesk.order;

import java.time.Instant;
import org.orderdesk.lock.LockUser;

/** What opening an order for editing gave. */
public sealed interface EditStart {

    /** The lock is held; {@code order} was loaded under it. */
    record Editing(EditLock lock, Order order) implements EditStart {}

    /** Another clerk holds the lock. */
    record LockedByOther(String orderNumber, LockUser holder, Instant since, Instant until) implements EditStart {}

    /** Nobody edits the order, but it is reserved for {@code reservedFor}, whose turn it is, until {@code until}. */
    record ReservedForOther(String orderNumber, LockUser reservedFor, Instant until) implements EditStart {}

    /** The same clerk edits the order in another tab. */
    record OpenInOtherTab(String orderNumber, Instant since, Instant until) implements EditStart {}

    record NotFound() implements EditStart {}
}
