package org.orderdesk.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orderdesk.event.EventBroadcaster;
import org.orderdesk.event.LiveEvent;
import org.orderdesk.event.Resynchronised;
import org.orderdesk.event.Subscription;
import org.orderdesk.lock.AcquireOutcome;
import org.orderdesk.lock.LockEvent;
import org.orderdesk.lock.LockHolder;
import org.orderdesk.lock.LockService;
import org.orderdesk.lock.ResourceId;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two nodes on one PostgreSQL: what one commits, the other's subscribers get once; what rolls
 * back, nobody hears of; a node whose listening connection is killed says so, reconnects and has
 * its views resynchronise.
 */
class EventRelayTest {

    private static final LockHolder ALICE = new LockHolder("alice", "Alice", "alices-tab");

    private static ClusterNodes cluster;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    private final List<LiveEvent> heardOnA = new CopyOnWriteArrayList<>();
    private final List<LiveEvent> heardOnB = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startTwoNodes() {
        cluster = new ClusterNodes();
        nodeA = cluster.start();
        // Node B pauses before reconnecting long enough for a test to see it report the loss.
        nodeB = cluster.start("orderdesk.cluster.reconnect-min=2s");
    }

    @AfterAll
    static void stopTheNodes() {
        cluster.close();
    }

    @BeforeEach
    void listenOnBothNodes() {
        jdbc(nodeA).sql("delete from edit_locks").update();
        subscribe(nodeA, heardOnA);
        subscribe(nodeB, heardOnB);
    }

    @Test
    void aLockTakenOnOneNodeReachesTheOtherNodesSubscribersOnceAndItsOwnOnce() {
        var taken = (AcquireOutcome.Acquired) locks(nodeA).acquire(ResourceId.order(11), ALICE);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !lockEvents(heardOnB, 11).isEmpty());
        assertThat(lockEvents(heardOnB, 11))
                .singleElement()
                .isInstanceOfSatisfying(LockEvent.Acquired.class, acquired -> {
                    assertThat(acquired.holder()).isEqualTo(ALICE);
                    assertThat(acquired.token()).isEqualTo(taken.token());
                    assertThat(acquired.expiresAt()).isEqualTo(taken.expiresAt());
                });
        locks(nodeA).release(ResourceId.order(11), ALICE.holderKey(), taken.token());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> lockEvents(heardOnB, 11).size() == 2);
        assertThat(lockEvents(heardOnB, 11).get(1)).isInstanceOf(LockEvent.Released.class);
        // Nothing arrives twice: give stray duplicates the time a notification takes to come.
        locks(nodeB).find(ResourceId.order(12));
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> true);
        assertThat(lockEvents(heardOnA, 11)).hasSize(2);
        assertThat(lockEvents(heardOnB, 11)).hasSize(2);
    }

    @Test
    void aNotificationSentInATransactionThatRollsBackReachesNobody() {
        new TransactionTemplate(nodeA.getBean(org.springframework.transaction.PlatformTransactionManager.class))
                .executeWithoutResult(status -> {
                    nodeA.publishEvent(new LockEvent.Released(
                            ResourceId.order(13),
                            ALICE,
                            1,
                            nodeA.getBean(java.time.Clock.class).instant()));
                    status.setRollbackOnly();
                });
        var taken = (AcquireOutcome.Acquired) locks(nodeA).acquire(ResourceId.order(14), ALICE);

        // The acquisition committed after the rolled-back event: once it is heard, the other would have been.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !lockEvents(heardOnB, 13, 14).isEmpty());
        assertThat(lockEvents(heardOnB, 13, 14)).singleElement().isInstanceOf(LockEvent.Acquired.class);
        locks(nodeA).release(ResourceId.order(14), ALICE.holderKey(), taken.token());
    }

    @Test
    void aKilledListeningConnectionIsReportedThenReconnectedAndTheViewsResynchronise() {
        jdbc(nodeA)
                .sql("select pg_terminate_backend(pid) from pg_stat_activity where application_name = :name")
                .param("name", nodeB.getBean(NotificationListener.class).connectionName())
                .query()
                .listOfRows();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> heardOnB.stream().anyMatch(Resynchronised.class::isInstance));
        assertThat(clusterHealth(nodeB).getStatus()).isEqualTo(Status.UP);
        var taken = (AcquireOutcome.Acquired) locks(nodeA).acquire(ResourceId.order(15), ALICE);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !lockEvents(heardOnB, 15).isEmpty());
        locks(nodeA).release(ResourceId.order(15), ALICE.holderKey(), taken.token());
    }

    private static Health clusterHealth(ConfigurableApplicationContext node) {
        return node.getBean("cluster", HealthIndicator.class).health();
    }

    /**
     * The lock events heard about these orders: each test uses orders of its own, as a late
     * notification of the previous test's last change may still arrive after it ended.
     */
    private static List<LockEvent> lockEvents(List<LiveEvent> heard, long... orderIds) {
        return heard.stream()
                .filter(LockEvent.class::isInstance)
                .map(LockEvent.class::cast)
                .filter(event -> java.util.Arrays.stream(orderIds)
                        .anyMatch(id -> event.resource().id() == id))
                .toList();
    }

    private void subscribe(ConfigurableApplicationContext node, List<LiveEvent> heard) {
        Subscription subscription = node.getBean(EventBroadcaster.class).subscribe(LiveEvent.class, heard::add);
        subscriptions.add(subscription);
    }

    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

    @org.junit.jupiter.api.AfterEach
    void unsubscribe() {
        subscriptions.forEach(Subscription::cancel);
    }

    private static LockService locks(ConfigurableApplicationContext node) {
        return node.getBean(LockService.class);
    }

    private static JdbcClient jdbc(ConfigurableApplicationContext node) {
        return node.getBean(JdbcClient.class);
    }
}
