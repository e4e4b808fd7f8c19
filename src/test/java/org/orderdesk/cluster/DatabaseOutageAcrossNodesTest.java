package org.orderdesk.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orderdesk.StoppablePostgres;
import org.orderdesk.event.EventBroadcaster;
import org.orderdesk.event.LiveEvent;
import org.orderdesk.event.Resynchronised;
import org.orderdesk.lock.AcquireOutcome;
import org.orderdesk.lock.LockEvent;
import org.orderdesk.lock.LockHolder;
import org.orderdesk.lock.LockService;
import org.orderdesk.lock.ResourceId;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two nodes on one PostgreSQL server that stops and starts again under them. While it is away,
 * each node reports in its health that it does not hear the others and takes no lock. Once it is
 * back, each node's listener reconnects by itself and tells its views to resynchronise, both nodes
 * take locks again, and a lock taken on either node reaches the other's views again.
 */
class DatabaseOutageAcrossNodesTest {

    private static final LockHolder ALICE = new LockHolder("alice", "Alice", "alices-tab");
    private static final LockHolder BOB = new LockHolder("bob", "Bob", "bobs-tab");
    /** The listener's reconnect pause doubles up to 15 s while the server is away. */
    private static final Duration SOON = Duration.ofSeconds(40);

    private static StoppablePostgres database;
    private static ClusterNodes cluster;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startTwoNodesOnAServerOfTheirOwn() {
        database = new StoppablePostgres();
        cluster = new ClusterNodes(database);
        nodeA = cluster.start();
        nodeB = cluster.start();
    }

    @AfterAll
    static void stopTheNodesThenTheServer() {
        cluster.close();
        database.stop();
    }

    @Test
    void afterTheDatabaseReturnsEachNodeHearsTheOtherAgainAndTakesLocks() {
        List<LiveEvent> heardOnA = heardOn(nodeA);
        List<LiveEvent> heardOnB = heardOn(nodeB);
        relayed(nodeA, ResourceId.order(31), ALICE, heardOnB);

        database.stop();
        try {
            await().atMost(SOON)
                    .until(() -> clusterHealth(nodeA) == Status.DOWN && clusterHealth(nodeB) == Status.DOWN);
            assertThatThrownBy(() -> locks(nodeA).acquire(ResourceId.order(32), ALICE))
                    .as("no lock is claimed while the database that holds them is away")
                    .isInstanceOf(RuntimeException.class);
            heardOnA.clear();
            heardOnB.clear();
        } finally {
            database.start();
        }
        long startedAt = System.nanoTime();

        await().atMost(SOON).until(() -> heardOnA.stream().anyMatch(Resynchronised.class::isInstance));
        long resynchronisedA = millisSince(startedAt);
        await().atMost(SOON).until(() -> heardOnB.stream().anyMatch(Resynchronised.class::isInstance));
        long resynchronisedB = millisSince(startedAt);
        assertThat(clusterHealth(nodeA)).isEqualTo(Status.UP);
        assertThat(clusterHealth(nodeB)).isEqualTo(Status.UP);

        AcquireOutcome.Acquired onA = relayed(nodeA, ResourceId.order(33), ALICE, heardOnB);
        long acquiredA = millisSince(startedAt);
        AcquireOutcome.Acquired onB = relayed(nodeB, ResourceId.order(34), BOB, heardOnA);
        assertThat(onB.token()).isNotEqualTo(onA.token());
        System.out.printf(
                "After PostgreSQL started again: node A resynchronised in %d ms, node B in %d ms;"
                        + " a lock taken on A and heard on B %d ms after the start%n",
                resynchronisedA, resynchronisedB, acquiredA);
        locks(nodeA).release(ResourceId.order(33), ALICE.holderKey(), onA.token());
        locks(nodeB).release(ResourceId.order(34), BOB.holderKey(), onB.token());
    }

    /**
     * Takes {@code resource} on {@code node}, trying again while the node's pool still finds only
     * connections that broke, and waits until the other node's views hear of it.
     */
    private static AcquireOutcome.Acquired relayed(
            ConfigurableApplicationContext node, ResourceId resource, LockHolder holder, List<LiveEvent> heardOnOther) {
        AcquireOutcome.Acquired taken = await().atMost(SOON)
                .ignoreExceptions()
                .until(() -> (AcquireOutcome.Acquired) locks(node).acquire(resource, holder), Objects::nonNull);
        await().atMost(SOON)
                .until(() -> heardOnOther.stream()
                        .anyMatch(event -> event instanceof LockEvent.Acquired acquired
                                && acquired.resource().equals(resource)
                                && acquired.token() == taken.token()));
        return taken;
    }

    private static List<LiveEvent> heardOn(ConfigurableApplicationContext node) {
        List<LiveEvent> heard = new CopyOnWriteArrayList<>();
        node.getBean(EventBroadcaster.class).subscribe(LiveEvent.class, heard::add);
        return heard;
    }

    private static Status clusterHealth(ConfigurableApplicationContext node) {
        return node.getBean("cluster", HealthIndicator.class).health().getStatus();
    }

    private static LockService locks(ConfigurableApplicationContext node) {
        return node.getBean(LockService.class);
    }

    private static long millisSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
    }
}
