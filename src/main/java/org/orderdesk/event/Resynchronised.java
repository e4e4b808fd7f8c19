package org.orderdesk.event;

/**
 * Events from other nodes may have been missed (this node's link to them was down for a while):
 * whatever a subscriber shows or decides from events, it reloads from the database now. Delivered
 * only on the node that lost the link.
 */
public record Resynchronised() implements LiveEvent {}
