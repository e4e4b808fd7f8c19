package org.orderdesk.order;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.orderdesk.event.EventBroadcaster;
import org.orderdesk.event.LiveEvent;
import org.orderdesk.event.Subscription;
import org.orderdesk.lock.LockUser;
import org.springframework.stereotype.Component;

/**
 * Who is looking at which order right now, in the read-only view or the editor, on any node.
 * Each open view on this node is one visit; a user with two tabs on one order is shown once.
 * Kept in memory: this node's visits here, the other nodes' viewers in {@link RemoteViewers}, as
 * they announce them. Every change of this node's viewers of an order is announced to the others
 * ({@link ViewerAnnouncements}). {@code /actuator/metrics/orderdesk.presence.watched-orders} says
 * how many orders have viewers on this node.
 */
@Component
public class OrderPresence {

    /** The viewers of an order changed, here or on another node; delivered on this node only. */
    public record PresenceChanged(long orderId) implements LiveEvent {}

    /** Identity matters: two tabs of one user are two visits. */
    private static final class Visit {

        private final LockUser viewer;

        Visit(LockUser viewer) {
            this.viewer = viewer;
        }
    }

    private final Map<Long, List<Visit>> visits = new ConcurrentHashMap<>();
    private final EventBroadcaster broadcaster;
    private final RemoteViewers remote;
    private final ViewerAnnouncements announcements;

    OrderPresence(
            EventBroadcaster broadcaster,
            RemoteViewers remote,
            ViewerAnnouncements announcements,
            MeterRegistry meters) {
        this.broadcaster = broadcaster;
        this.remote = remote;
        this.announcements = announcements;
        Gauge.builder("orderdesk.presence.watched-orders", visits, Map::size)
                .description("Orders that someone on this node has open")
                .register(meters);
    }

    /** Counts {@code viewer} as looking at the order until the returned subscription is cancelled. */
    public Subscription enter(long orderId, LockUser viewer) {
        Visit visit = new Visit(viewer);
        visits.compute(orderId, (id, current) -> {
            List<Visit> next = current == null ? new ArrayList<>() : new ArrayList<>(current);
            next.add(visit);
            return List.copyOf(next);
        });
        changed(orderId);
        AtomicBoolean left = new AtomicBoolean();
        return () -> {
            if (left.compareAndSet(false, true)) {
                leave(orderId, visit);
            }
        };
    }

    /** Everyone looking at the order, here or on another node, each user once, those here first. */
    public List<LockUser> viewersOf(long orderId) {
        return Stream.concat(localViewersOf(orderId).stream(), remote.viewersOf(orderId).stream())
                .distinct()
                .toList();
    }

    /** Announces this node's viewers of every order someone here looks at; another node asked. */
    void announceAll() {
        visits.keySet().forEach(this::announce);
    }

    private List<LockUser> localViewersOf(long orderId) {
        return visits.getOrDefault(orderId, List.of()).stream()
                .map(visit -> visit.viewer)
                .distinct()
                .toList();
    }

    private void leave(long orderId, Visit visit) {
        visits.computeIfPresent(orderId, (id, current) -> {
            List<Visit> next = new ArrayList<>(current);
            next.remove(visit);
            return next.isEmpty() ? null : List.copyOf(next);
        });
        changed(orderId);
    }

    private void changed(long orderId) {
        broadcaster.deliver(new PresenceChanged(orderId));
        announce(orderId);
    }

    private void announce(long orderId) {
        announcements.announce(orderId, () -> localViewersOf(orderId));
    }
}
