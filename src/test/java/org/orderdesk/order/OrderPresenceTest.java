package org.orderdesk.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.orderdesk.event.EventBroadcaster;
import org.orderdesk.event.NodeJoined;
import org.orderdesk.event.NodeLost;
import org.orderdesk.event.NodeName;
import org.orderdesk.event.Resynchronised;
import org.orderdesk.event.Subscription;
import org.orderdesk.lock.LockUser;
import org.orderdesk.order.OrderPresence.PresenceChanged;

/**
 * Presence on one node among others, without Spring: what this node announces, what it keeps of
 * the others' announcements, and when it asks them again. The other nodes are events delivered
 * to this node's broadcaster, as its listener would deliver them.
 */
class OrderPresenceTest {

    private static final NodeName HERE = new NodeName("here");
    private static final NodeName NODE_B = new NodeName("node-b");
    private static final NodeName NODE_C = new NodeName("node-c");
    private static final LockUser ALICE = new LockUser("alice", "Alice");
    private static final LockUser BOB = new LockUser("bob", "Bob");
    private static final LockUser CAROL = new LockUser("carol", "Carol");

    private final EventBroadcaster broadcaster = new EventBroadcaster();
    /** What this node tells the other nodes, in the order it goes out. */
    private final List<Object> sent = new CopyOnWriteArrayList<>();

    private final ViewerAnnouncements announcements = new ViewerAnnouncements(sent::add, HERE);
    private final RemoteViewers remote = new RemoteViewers(broadcaster, HERE);
    private final OrderPresence presence =
            new OrderPresence(broadcaster, remote, announcements, new SimpleMeterRegistry());
    private final PresenceExchange exchange = new PresenceExchange(broadcaster, presence, announcements, HERE);

    private final List<Long> changed = new CopyOnWriteArrayList<>();
    private final Subscription changes =
            broadcaster.subscribe(PresenceChanged.class, change -> changed.add(change.orderId()));

    @AfterEach
    void stop() {
        changes.cancel();
        exchange.destroy();
        remote.destroy();
        announcements.destroy();
    }

    @Test
    void viewersAnotherNodeAnnouncesAreShownAfterThoseHereEachUserOnce() {
        presence.enter(7, ALICE);

        broadcaster.deliver(new ViewersOnNode(NODE_B, 7, List.of(BOB, ALICE)));

        assertThat(presence.viewersOf(7)).containsExactly(ALICE, BOB);
        assertThat(changed).containsExactly(7L, 7L);
    }

    @Test
    void aNodesLaterAnnouncementReplacesItsEarlierOneAndAnEmptyOneRemovesItsViewers() {
        broadcaster.deliver(new ViewersOnNode(NODE_B, 7, List.of(BOB)));
        broadcaster.deliver(new ViewersOnNode(NODE_C, 7, List.of(CAROL)));

        broadcaster.deliver(new ViewersOnNode(NODE_B, 7, List.of(ALICE)));
        assertThat(presence.viewersOf(7)).containsExactlyInAnyOrder(ALICE, CAROL);

        broadcaster.deliver(new ViewersOnNode(NODE_B, 7, List.of()));
        assertThat(presence.viewersOf(7)).containsExactly(CAROL);
    }

    @Test
    void aNodeCountedGoneTakesItsViewersAlongAndEachOfItsOrdersIsToldChanged() {
        broadcaster.deliver(new ViewersOnNode(NODE_B, 7, List.of(BOB)));
        broadcaster.deliver(new ViewersOnNode(NODE_B, 8, List.of(CAROL)));
        broadcaster.deliver(new ViewersOnNode(NODE_C, 7, List.of(ALICE)));
        changed.clear();

        broadcaster.deliver(new NodeLost(NODE_B));

        assertThat(presence.viewersOf(7)).containsExactly(ALICE);
        assertThat(presence.viewersOf(8)).isEmpty();
        assertThat(changed).containsExactlyInAnyOrder(7L, 8L);
    }

    @Test
    void thisNodesOwnAnnouncementsComingBackAreNotCountedTwice() {
        broadcaster.deliver(new ViewersOnNode(HERE, 7, List.of(BOB)));

        assertThat(presence.viewersOf(7)).isEmpty();
    }

    @Test
    void everyChangeHereIsAnnouncedAndTheLastAnnouncementIsTheLatestState() {
        Subscription alicesVisit = presence.enter(7, ALICE);
        presence.enter(7, BOB);
        alicesVisit.cancel();

        await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() == 3);
        // Each announcement reads the viewers as it goes out, so a burst may repeat a later state,
        // but what the other nodes keep, the last one, is always the state now.
        assertThat(sent.getLast()).isEqualTo(new ViewersOnNode(HERE, 7, List.of(BOB)));
    }

    @Test
    void anotherNodesRequestIsAnsweredWithEveryOrderSomeoneLooksAtHereAndThisNodesOwnIsNot() {
        presence.enter(7, ALICE);
        presence.enter(8, BOB);
        await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() == 2);
        sent.clear();

        broadcaster.deliver(new ViewersRequested(HERE));
        broadcaster.deliver(new ViewersRequested(NODE_B));

        await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() == 2);
        assertThat(sent)
                .containsExactlyInAnyOrder(
                        new ViewersOnNode(HERE, 7, List.of(ALICE)), new ViewersOnNode(HERE, 8, List.of(BOB)));
    }

    @Test
    void hearingANodeForTheFirstTimeOrResynchronisingAsksTheOthersForAllTheirViewers() {
        broadcaster.deliver(new NodeJoined(NODE_B));
        broadcaster.deliver(new Resynchronised());

        await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() == 2);
        assertThat(sent).containsOnly(new ViewersRequested(HERE));
    }
}
