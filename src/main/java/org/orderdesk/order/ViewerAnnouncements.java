package org.orderdesk.order;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.orderdesk.event.NodeName;
import org.orderdesk.event.SharedEvent;
import org.orderdesk.lock.LockUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Tells the other nodes who looks at which order here, and asks them to do the same. Published
 * as shared events (the cluster relay sends them; a single node only hands them to itself), one
 * at a time on a thread of its own: a view never waits for the database to open, and since each
 * announcement reads the viewers when it goes out, the last one sent is always the latest state.
 */
@Component
class ViewerAnnouncements implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ViewerAnnouncements.class);

    private final ApplicationEventPublisher publisher;
    private final NodeName node;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("viewer-announcements").factory());

    ViewerAnnouncements(ApplicationEventPublisher publisher, NodeName node) {
        this.publisher = publisher;
        this.node = node;
    }

    /** Announces the order's viewers on this node, as {@code viewersNow} reads them when sent. */
    void announce(long orderId, Supplier<List<LockUser>> viewersNow) {
        send(() -> new ViewersOnNode(node, orderId, viewersNow.get()));
    }

    /** Asks every other node to announce all its viewers again. */
    void requestAll() {
        send(() -> new ViewersRequested(node));
    }

    @Override
    public void destroy() {
        sender.shutdownNow();
    }

    private void send(Supplier<SharedEvent> event) {
        try {
            sender.execute(() -> {
                SharedEvent sent = event.get();
                try {
                    publisher.publishEvent(sent);
                } catch (RuntimeException e) {
                    // Presence is a courtesy: the others learn it at the next change, or when they ask
                    // after counting this node gone and hearing it again.
                    log.warn("Could not tell the other nodes {}", sent, e);
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            // The node is stopping: the others count it gone after the node timeout.
        }
    }
}
