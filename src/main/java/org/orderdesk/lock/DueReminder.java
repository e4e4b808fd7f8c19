package org.orderdesk.lock;

import java.time.Instant;

/** A "Give me 5 minutes" that has run out while the hold of {@code token} goes on. */
record DueReminder(ResourceId resource, LockHolder holder, long token, LockUser requester, Instant remindAt) {}
