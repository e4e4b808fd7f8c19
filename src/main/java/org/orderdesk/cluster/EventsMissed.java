package org.orderdesk.cluster;

import org.orderdesk.event.SharedEvent;

/** Sent instead of an event too large to travel: the receiving nodes resynchronise. */
record EventsMissed() implements SharedEvent {}
