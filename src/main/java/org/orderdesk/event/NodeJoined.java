package org.orderdesk.event;

/**
 * This node hears {@code node} for the first time, or again after it had counted it lost: what
 * that node keeps in memory alone, this node does not know yet. Delivered on this node only.
 */
public record NodeJoined(NodeName node) implements LiveEvent {}
