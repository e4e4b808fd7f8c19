package org.orderdesk.order;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.orderdesk.event.EventBroadcaster;
import org.orderdesk.event.NodeLost;
import org.orderdesk.event.NodeName;
import org.orderdesk.event.Subscription;
import org.orderdesk.lock.LockUser;
import org.orderdesk.order.OrderPresence.PresenceChanged;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The viewers the other nodes announced, per node and order, kept until the node announces
 * others or is counted gone ({@link NodeLost}). Each change is told to this node's views as a
 * {@link PresenceChanged}. Empty on a single node.
 */
@Component
class RemoteViewers implements DisposableBean {

    private final EventBroadcaster broadcaster;
    private final NodeName self;
    /** By order, then by node in the order first heard; the inner maps are replaced, never changed. */
    private final Map<Long, Map<NodeName, List<LockUser>>> byOrder = new ConcurrentHashMap<>();

    private final List<Subscription> subscriptions;

    RemoteViewers(EventBroadcaster broadcaster, NodeName self) {
        this.broadcaster = broadcaster;
        this.self = self;
        this.subscriptions = List.of(
                broadcaster.subscribe(ViewersOnNode.class, this::announced),
                broadcaster.subscribe(NodeLost.class, lost -> forget(lost.node())));
    }

    /** The other nodes' viewers of the order; a user looking from two nodes appears twice. */
    List<LockUser> viewersOf(long orderId) {
        return byOrder.getOrDefault(orderId, Map.of()).values().stream()
                .flatMap(List::stream)
                .toList();
    }

    @Override
    public void destroy() {
        subscriptions.forEach(Subscription::cancel);
    }

    /** Announcements of one node arrive in the order it sent them: the last one is its truth. */
    private void announced(ViewersOnNode announcement) {
        if (announcement.node().equals(self)) {
            return;
        }
        byOrder.compute(announcement.orderId(), (id, nodes) -> {
            Map<NodeName, List<LockUser>> next = nodes == null ? new LinkedHashMap<>() : new LinkedHashMap<>(nodes);
            if (announcement.viewers().isEmpty()) {
                next.remove(announcement.node());
            } else {
                next.put(announcement.node(), announcement.viewers());
            }
            return next.isEmpty() ? null : Collections.unmodifiableMap(next);
        });
        broadcaster.deliver(new PresenceChanged(announcement.orderId()));
    }

    private void forget(NodeName gone) {
        Set<Long> changed = new HashSet<>();
        byOrder.keySet()
                .forEach(orderId -> byOrder.computeIfPresent(orderId, (id, nodes) -> {
                    if (!nodes.containsKey(gone)) {
                        return nodes;
                    }
                    changed.add(id);
                    Map<NodeName, List<LockUser>> next = new LinkedHashMap<>(nodes);
                    next.remove(gone);
                    return next.isEmpty() ? null : Collections.unmodifiableMap(next);
                }));
        changed.forEach(orderId -> broadcaster.deliver(new PresenceChanged(orderId)));
    }
}
