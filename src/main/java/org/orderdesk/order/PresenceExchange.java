package org.orderdesk.order;

import java.util.List;
import org.orderdesk.event.EventBroadcaster;
import org.orderdesk.event.NodeJoined;
import org.orderdesk.event.NodeName;
import org.orderdesk.event.Resynchronised;
import org.orderdesk.event.Subscription;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Keeps the nodes' knowledge of each other's viewers whole: this node asks the others to announce
 * all their viewers when it begins to hear a node (which is how a node that starts learns them)
 * and after a resynchronisation (it may have missed announcements); it answers such a request
 * from another node with all of its own.
 */
@Component
class PresenceExchange implements DisposableBean {

    private final List<Subscription> subscriptions;

    PresenceExchange(
            EventBroadcaster broadcaster, OrderPresence presence, ViewerAnnouncements announcements, NodeName self) {
        this.subscriptions = List.of(
                broadcaster.subscribe(NodeJoined.class, joined -> announcements.requestAll()),
                broadcaster.subscribe(Resynchronised.class, resync -> announcements.requestAll()),
                broadcaster.subscribe(ViewersRequested.class, request -> {
                    if (!request.requester().equals(self)) {
                        presence.announceAll();
                    }
                }));
    }

    @Override
    public void destroy() {
        subscriptions.forEach(Subscription::cancel);
    }
}
