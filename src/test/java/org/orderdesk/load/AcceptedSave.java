package org.orderdesk.load;

/** A save the application accepted: the order as the clerk saw it stored. */
public record AcceptedSave(long orderId, long version, String notes, String by) {}
