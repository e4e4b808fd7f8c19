package org.orderdesk.event;

/** A removable subscription. Cancelling twice is harmless. */
@FunctionalInterface
public interface Subscription {

    void cancel();
}
