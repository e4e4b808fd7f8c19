package org.orderdesk.order.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.browserless.BrowserlessUIContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import org.orderdesk.TestClock;
import org.orderdesk.cluster.ClusterNodes;
import org.orderdesk.cluster.ClusterProperties;
import org.orderdesk.event.EventBroadcaster;
import org.orderdesk.lock.LockEvent;
import org.orderdesk.lock.LockInfo;
import org.orderdesk.lock.LockProperties;
import org.orderdesk.lock.LockService;
import org.orderdesk.lock.LockSweeper;
import org.orderdesk.lock.ResourceId;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Node A dies while Alice and Carol edit orders on it. The other
 * nodes show Alice's avatar until A has been silent for the node timeout, and the locks, counting
 * down, until their leases end; then two nodes sweep at once and each expiry is announced once.
 *
 * <p>How A dies: {@link ClusterNodes#crash} closes its connection pool first, so that nothing A
 * does on its way down (editors letting their locks go, sessions ending, announcements) reaches
 * the database or the other nodes, as after a power cut; closing its context then ends its
 * listening connection and its heartbeats, as the crash would. Nobody releases or deletes a lock
 * by hand. The nodes check for silent nodes every 250 ms of real time; the timeout and the lease
 * are measured on each node's own {@link TestClock}, which the test moves.
 */
class NodeLossTest {

    private static final String FAST_CHECKS = "orderdesk.cluster.heartbeat-interval=250ms";
    private static final Duration SOON = Duration.ofSeconds(15);

    @Test
    void aDeadNodesViewersLeaveAfterTheNodeTimeoutAndItsLocksExpireOnceAfterTheirLease() {
        try (ClusterNodes cluster = new ClusterNodes()) {
            ConfigurableApplicationContext nodeA = cluster.start(FAST_CHECKS);
            ConfigurableApplicationContext nodeB = cluster.start(FAST_CHECKS);
            NodeClerks onA = new NodeClerks(nodeA);
            NodeClerks onB = new NodeClerks(nodeB);

            onA.signIn("alice").navigate("orders/11/edit", OrderEditorView.class);
            onA.signIn("carol").navigate("orders/12/edit", OrderEditorView.class);
            BrowserlessUIContext bobsOrder = onB.signIn("bob");
            bobsOrder.navigate("orders/11", OrderView.class);
            BrowserlessUIContext bobsGrid = onB.signIn("bob");
            bobsGrid.navigate(OrdersView.class);
            soon().untilAsserted(() -> assertThat(onB.viewers(bobsOrder)).containsExactly("Alice"));

            // Node C starts now: it learns who looks at what on A by asking, and sweeps with B.
            ConfigurableApplicationContext nodeC = cluster.start(FAST_CHECKS);
            NodeClerks onC = new NodeClerks(nodeC);
            BrowserlessUIContext sam = onC.signIn("sam");
            sam.navigate("orders/12", OrderView.class);
            soon().untilAsserted(() -> assertThat(onC.viewers(sam)).containsExactly("Carol"));

            LockInfo alicesLock =
                    bean(nodeB, LockService.class).find(ResourceId.order(11)).orElseThrow();
            List<LockEvent.Expired> expiredOnB = expiries(nodeB);
            List<LockEvent.Expired> expiredOnC = expiries(nodeC);

            cluster.crash(nodeA);

            Duration nodeTimeout = bean(nodeB, ClusterProperties.class).nodeTimeout();
            advance(nodeTimeout.minusSeconds(1), nodeB, nodeC);
            // Not before the timeout: several checks pass and Alice is still shown.
            await().pollInSameThread()
                    .during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(onB.viewers(bobsOrder)).containsExactly("Alice"));
            assertThat(onB.banner(bobsOrder)).startsWith("Alice is editing this order since");
            assertThat(onB.lockHolder(bobsGrid, 11)).isEqualTo("Alice");
            assertThat(onB.lockCell(bobsGrid, 11, "lockEnd"))
                    .as("counting down to the end of the lease")
                    .isEqualTo(Long.toString(alicesLock.expiresAt().toEpochMilli()));
            assertThat(onB.lockHolder(bobsGrid, 12)).isEqualTo("Carol");

            advance(Duration.ofSeconds(2), nodeB, nodeC);
            soon().untilAsserted(() -> assertThat(onB.viewers(bobsOrder)).isEmpty());
            soon().untilAsserted(() -> assertThat(onC.viewers(sam)).isEmpty());
            assertThat(onB.banner(bobsOrder))
                    .as("the lock outlives the node until its lease ends")
                    .startsWith("Alice is editing this order since");

            Duration lease = bean(nodeB, LockProperties.class).lease();
            advance(lease.minus(nodeTimeout), nodeB, nodeC);
            CompletableFuture<LockSweeper.Sweep> sweepOnB =
                    CompletableFuture.supplyAsync(bean(nodeB, LockSweeper.class)::sweep);
            CompletableFuture<LockSweeper.Sweep> sweepOnC =
                    CompletableFuture.supplyAsync(bean(nodeC, LockSweeper.class)::sweep);
            assertThat(sweepOnB.join().expired() + sweepOnC.join().expired()).isEqualTo(2);

            await().atMost(SOON).until(() -> expiredOnB.size() == 2 && expiredOnC.size() == 2);
            // Nothing arrives twice: give stray duplicates the time a notification takes.
            await().during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> expiredOnB.size() == 2 && expiredOnC.size() == 2);
            assertThat(expiredOnB)
                    .extracting(expired -> expired.resource().id())
                    .containsExactlyInAnyOrder(11L, 12L);
            soon().untilAsserted(() -> assertThat(onB.banner(bobsOrder)).isEqualTo("Free now — Edit"));
            assertThat(onB.lockHolder(bobsGrid, 11)).isEmpty();
            assertThat(onB.lockHolder(bobsGrid, 12)).isEmpty();
            assertThat(bean(nodeB, JdbcClient.class)
                            .sql("select count(*) from edit_locks")
                            .query(Long.class)
                            .single())
                    .isZero();

            onC.close();
            onB.close();
            onA.close();
        }
    }

    private static List<LockEvent.Expired> expiries(ConfigurableApplicationContext node) {
        List<LockEvent.Expired> heard = new CopyOnWriteArrayList<>();
        bean(node, EventBroadcaster.class).subscribe(LockEvent.Expired.class, heard::add);
        return heard;
    }

    private static void advance(Duration duration, ConfigurableApplicationContext... nodes) {
        for (ConfigurableApplicationContext node : nodes) {
            bean(node, TestClock.class).advance(duration);
        }
    }

    private static <T> T bean(ConfigurableApplicationContext node, Class<T> type) {
        return node.getBean(type);
    }

    /** The windows are the test thread's: it holds their sessions' locks, so it polls them itself. */
    private static ConditionFactory soon() {
        return await().pollInSameThread().atMost(SOON);
    }
}
