package org.orderdesk.database;

import org.orderdesk.event.LiveEvent;

/**
 * This node's database answers: again after {@link DatabaseUnavailable}, or still, after a caller
 * reported that it met no answer. Whoever waits for it may try again now. Delivered on this node
 * only.
 */
public record DatabaseAvailable() implements LiveEvent {}
