package org.orderdesk.database;

import java.time.Instant;
import org.orderdesk.event.LiveEvent;

/**
 * This node's database stopped answering at {@code since}: what views show may go stale, and no
 * lock can be confirmed until {@link DatabaseAvailable}. Delivered on this node only, since each
 * node probes its own connection.
 */
public record DatabaseUnavailable(Instant since) implements LiveEvent {}
