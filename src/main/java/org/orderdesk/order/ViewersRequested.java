package org.orderdesk.order;

import org.orderdesk.event.NodeName;
import org.orderdesk.event.SharedEvent;

/**
 * Node {@code requester} asks every other node to announce all its viewers again: it has just
 * begun to hear them, or may have missed announcements while it could not.
 */
public record ViewersRequested(NodeName requester) implements SharedEvent {}
