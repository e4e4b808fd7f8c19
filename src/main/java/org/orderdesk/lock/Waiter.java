package org.orderdesk.lock;

import java.time.Instant;

/** A clerk's place in a resource's waiting line; {@code seq} orders the line. */
record Waiter(ResourceId resource, LockUser user, String waiterKey, long seq, Instant joinedAt) {}
