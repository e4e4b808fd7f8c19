package org.orderdesk.event;

/**
 * This node has not heard {@code node} for longer than the node timeout and counts it gone:
 * whatever it knows only from that node's announcements (its viewers) is dropped. Delivered on
 * this node only.
 */
public record NodeLost(NodeName node) implements LiveEvent {}
