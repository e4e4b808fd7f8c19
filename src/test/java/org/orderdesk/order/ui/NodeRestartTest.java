package org.orderdesk.order.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import org.orderdesk.TestClock;
import org.orderdesk.cluster.ClusterNodes;
import org.orderdesk.lock.LockInfo;
import org.orderdesk.lock.LockService;
import org.orderdesk.lock.LockSweeper;
import org.orderdesk.lock.ResourceId;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Node A is restarted while Alice edits orders on it and Bob, on node B, watches one of them.
 * Stopped gracefully, A lets her locks go before it closes, each audited as released because the
 * node stopped, and Bob sees the order free at once. Crashed, A lets nothing go: the lock lapses at
 * the end of its lease, when node B's sweeper removes it. Either way a new node A on the same port
 * serves again, Alice signs in there and edits the order, and no lock is left held by nobody.
 */
class NodeRestartTest {

    private static final String FAST_CHECKS = "orderdesk.cluster.heartbeat-interval=250ms";
    private static final Duration SOON = Duration.ofSeconds(15);

    @Test
    void aNodeStoppedGracefullyReleasesItsClerksLocksAndServesAgainOnItsPortAfterARestart() throws Exception {
        try (ClusterNodes cluster = new ClusterNodes()) {
            ConfigurableApplicationContext nodeA = cluster.start(FAST_CHECKS);
            ConfigurableApplicationContext nodeB = cluster.start(FAST_CHECKS);
            int portOfA = ClusterNodes.port(nodeA);
            NodeClerks onA = new NodeClerks(nodeA);
            NodeClerks onB = new NodeClerks(nodeB);
            onA.signIn("alice").navigate("orders/11/edit", OrderEditorView.class);
            onA.signIn("alice").navigate("orders/12/edit", OrderEditorView.class);
            BrowserlessUIContext bob = onB.signIn("bob");
            bob.navigate("orders/11", OrderView.class);
            soon().untilAsserted(() -> assertThat(onB.banner(bob)).startsWith("Alice is editing this order since"));

            cluster.stop(nodeA);

            assertThat(liveLocks(nodeB))
                    .as("no lock outlives the node that stopped")
                    .isEmpty();
            assertThat(lastAuditOf(nodeB, 11))
                    .containsEntry("action", "RELEASED")
                    .containsEntry("reason", LockService.NODE_STOPPED);
            assertThat(lastAuditOf(nodeB, 12)).containsEntry("reason", LockService.NODE_STOPPED);
            soon().untilAsserted(() -> assertThat(onB.banner(bob)).isEqualTo("Free now — Edit"));

            ConfigurableApplicationContext restarted = cluster.restart(nodeA);
            assertThat(ClusterNodes.port(restarted)).isEqualTo(portOfA);
            assertThat(health(portOfA)).contains("\"status\":\"UP\"");
            NodeClerks onRestarted = new NodeClerks(restarted);
            BrowserlessUIContext alice = onRestarted.signIn("alice");
            alice.navigate("orders/11/edit", OrderEditorView.class);
            assertEditing(alice, restarted, 11);
            soon().untilAsserted(() -> assertThat(onB.banner(bob)).startsWith("Alice is editing this order since"));

            onRestarted.close();
            onB.close();
            onA.close();
        }
    }

    @Test
    void aCrashedNodesLockLapsesAtTheEndOfItsLeaseOnAnotherNodeAndTheRestartedNodeServesAgain() throws Exception {
        try (ClusterNodes cluster = new ClusterNodes()) {
            ConfigurableApplicationContext nodeA = cluster.start(FAST_CHECKS);
            ConfigurableApplicationContext nodeB = cluster.start(FAST_CHECKS);
            int portOfA = ClusterNodes.port(nodeA);
            NodeClerks onA = new NodeClerks(nodeA);
            NodeClerks onB = new NodeClerks(nodeB);
            onA.signIn("alice").navigate("orders/11/edit", OrderEditorView.class);
            BrowserlessUIContext bob = onB.signIn("bob");
            bob.navigate("orders/11", OrderView.class);
            soon().untilAsserted(() -> assertThat(onB.banner(bob)).startsWith("Alice is editing this order since"));
            LockInfo alicesLock =
                    nodeB.getBean(LockService.class).find(ResourceId.order(11)).orElseThrow();

            cluster.crash(nodeA);

            TestClock clockOfB = nodeB.getBean(TestClock.class);
            LockSweeper sweeperOfB = nodeB.getBean(LockSweeper.class);
            clockOfB.advance(
                    Duration.between(clockOfB.instant(), alicesLock.expiresAt()).minusMillis(1));
            assertThat(sweeperOfB.sweep().expired())
                    .as("not before its lease ends")
                    .isZero();
            assertThat(liveLocks(nodeB)).hasSize(1);
            // The sweep warned: the banner counts the last second down.
            assertThat(onB.banner(bob)).isEqualTo("Alice's lock ends in 0:01");

            clockOfB.advance(Duration.ofMillis(1));
            assertThat(sweeperOfB.sweep().expired()).isEqualTo(1);
            assertThat(liveLocks(nodeB)).isEmpty();
            assertThat(lastAuditOf(nodeB, 11)).containsEntry("action", "EXPIRED");
            soon().untilAsserted(() -> assertThat(onB.banner(bob)).isEqualTo("Free now — Edit"));

            ConfigurableApplicationContext restarted = cluster.restart(nodeA);
            assertThat(ClusterNodes.port(restarted)).isEqualTo(portOfA);
            assertThat(health(portOfA)).contains("\"status\":\"UP\"");
            NodeClerks onRestarted = new NodeClerks(restarted);
            BrowserlessUIContext alice = onRestarted.signIn("alice");
            alice.navigate("orders/11/edit", OrderEditorView.class);
            assertEditing(alice, restarted, 11);

            onRestarted.close();
            onB.close();
            onA.close();
        }
    }

    @Test
    void aClerkBackBeforeHerCrashedNodesLeaseEndsIsToldSheHoldsItElsewhereAndMovesEditingHere() {
        try (ClusterNodes cluster = new ClusterNodes()) {
            ConfigurableApplicationContext nodeA = cluster.start(FAST_CHECKS);
            NodeClerks onA = new NodeClerks(nodeA);
            onA.signIn("alice").navigate("orders/11/edit", OrderEditorView.class);
            long deadToken = nodeA.getBean(LockService.class)
                    .find(ResourceId.order(11))
                    .orElseThrow()
                    .token();

            cluster.crash(nodeA);
            ConfigurableApplicationContext restarted = cluster.restart(nodeA);
            NodeClerks onRestarted = new NodeClerks(restarted);
            BrowserlessUIContext alice = onRestarted.signIn("alice");
            alice.navigate("orders/11/edit", OrderEditorView.class);

            assertThat(alice.find(Div.class)
                            .withClassName("other-tab-choice")
                            .single()
                            .getElement()
                            .getTextRecursively())
                    .startsWith("You are editing order OD-000011 elsewhere: in another browser, or in a session"
                            + " that ended without closing it");
            alice.test(alice.find(com.vaadin.flow.component.button.Button.class)
                            .withText("Move editing here")
                            .single())
                    .click();
            assertEditing(alice, restarted, 11);
            assertThat(liveLocks(restarted))
                    .singleElement()
                    .satisfies(lock -> assertThat(lock.token()).isNotEqualTo(deadToken));

            onRestarted.close();
            onA.close();
        }
    }

    /** Alice's window shows the order's form, usable, under a lock that she holds. */
    private static void assertEditing(BrowserlessUIContext window, ConfigurableApplicationContext node, long orderId) {
        assertThat(window.find(TextField.class).withCaption("Customer").single().isReadOnly())
                .isFalse();
        assertThat(node.getBean(LockService.class)
                        .find(ResourceId.order(orderId))
                        .orElseThrow()
                        .holder()
                        .username())
                .isEqualTo("alice");
    }

    private static List<LockInfo> liveLocks(ConfigurableApplicationContext node) {
        // Every row, lapsed or not: a row nobody renews is exactly what must not stay behind.
        assertThat(node.getBean(JdbcClient.class)
                        .sql("select count(*) from edit_locks")
                        .query(Long.class)
                        .single())
                .isEqualTo(node.getBean(LockService.class).currentLocks().size());
        return node.getBean(LockService.class).currentLocks();
    }

    private static Map<String, Object> lastAuditOf(ConfigurableApplicationContext node, long orderId) {
        return node.getBean(JdbcClient.class)
                .sql("select action, reason from lock_audit where resource_id = :id order by id desc limit 1")
                .param("id", orderId)
                .query()
                .singleRow();
    }

    private static String health(int port) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        }
    }

    /** The windows are the test thread's: it holds their sessions' locks, so it polls them itself. */
    private static ConditionFactory soon() {
        return await().pollInSameThread().atMost(SOON);
    }
}
