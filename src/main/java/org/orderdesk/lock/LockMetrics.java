package org.orderdesk.lock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Lock metrics under {@code /actuator/metrics/orderdesk.locks.*}. Counters follow committed
 * events, so a rolled-back step counts nothing; the gauge asks the database, so on a cluster it
 * shows the locks of all nodes.
 */
@Component
class LockMetrics {

    private final Counter acquisitions;
    private final Counter conflicts;
    private final Counter renewals;
    private final Counter expirations;
    private final Counter takeOvers;
    private final Counter breaks;

    LockMetrics(MeterRegistry registry, LockStore store, Clock clock) {
        Gauge.builder("orderdesk.locks.held", () -> store.countLive(clock.instant()))
                .description("Edit locks whose lease has not ended")
                .register(registry);
        acquisitions = counter(registry, "acquisitions", "Locks acquired, including after an expiry");
        conflicts = counter(registry, "conflicts", "Acquire attempts refused because someone holds the lock");
        renewals = counter(registry, "renewals", "Leases extended by their holder");
        expirations = counter(registry, "expirations", "Leases that ran out");
        takeOvers = counter(registry, "takeovers", "Locks taken over by a supervisor or moved to another tab");
        breaks = counter(registry, "breaks", "Locks broken by a supervisor");
    }

    private static Counter counter(MeterRegistry registry, String name, String description) {
        return Counter.builder("orderdesk.locks." + name)
                .description(description)
                .register(registry);
    }

    void conflict() {
        conflicts.increment();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void count(LockEvent event) {
        switch (event) {
            case LockEvent.Acquired acquired -> acquisitions.increment();
            case LockEvent.Renewed renewed -> renewals.increment();
            case LockEvent.Expired expired -> expirations.increment();
            case LockEvent.TakenOver takenOver -> takeOvers.increment();
            case LockEvent.Broken broken -> breaks.increment();
            case LockEvent.Released released -> {}
            case LockEvent.Expiring expiring -> {}
            case LockEvent.ReleaseRequested requested -> {}
            case LockEvent.ReleaseAnswered answered -> {}
            case LockEvent.ReleaseReminder reminder -> {}
            case LockEvent.Reserved reserved -> {}
            case LockEvent.ReservationEnded ended -> {}
            case LockEvent.JoinedLine joined -> {}
            case LockEvent.LeftLine left -> {}
        }
    }
}
