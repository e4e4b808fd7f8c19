package org.orderdesk.event;

/**
 * "Node {@code node} is alive", sent by every node of a cluster every heartbeat interval. The
 * other nodes keep in memory what that node told them (who looks at which order) only as long as
 * they keep hearing this.
 */
public record NodeHeartbeat(NodeName node) implements SharedEvent {}
