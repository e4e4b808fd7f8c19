package org.orderdesk.bench.lockshown;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.orderdesk.event.EventBroadcaster;
import org.orderdesk.lock.LockEvent;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * When one node's subscribers got each lock taken, by fencing token: on the committing node right
 * after the commit, on another node when the relay delivered it. Subscribed before any UI, so it is
 * the node's first subscriber, as close to the event as can be.
 */
final class NodeEvents {

    private final Map<Long, Long> heardAtMicros = new ConcurrentHashMap<>();

    NodeEvents(ConfigurableApplicationContext node) {
        node.getBean(EventBroadcaster.class)
                .subscribe(
                        LockEvent.Acquired.class,
                        acquired -> heardAtMicros.put(
                                acquired.token(), ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now())));
    }

    /** When the node heard of the lock with {@code token}, in ms since the epoch; waits up to 5 s. */
    double heardAtMs(long token) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        Long at;
        while ((at = heardAtMicros.get(token)) == null) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("No lock event with token " + token + " on this node");
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return at / 1000.0;
    }
}
