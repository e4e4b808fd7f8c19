package org.orderdesk.ui;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * What the live-update meters an operator reads say: tests wait for pushes on their way and count
 * subscriptions and pushes through them, as {@code /actuator/metrics} does.
 */
public record LivePushMeters(MeterRegistry meters) {

    /** Whether updates are still on their way to some UI. */
    public boolean isPushing() {
        return meters.get("orderdesk.live.pushes.pending").gauge().value() > 0;
    }

    public int subscriptions() {
        return (int) meters.get("orderdesk.live.subscriptions").gauge().value();
    }

    /** Pushes handed to UIs since the application started. */
    public long pushes() {
        return (long) meters.get("orderdesk.live.pushes").counter().count();
    }
}
