package org.orderdesk.order.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.button.Button;
import java.time.Duration;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orderdesk.cluster.ClusterNodes;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * On two nodes of one cluster, each with its own clerks: the
 * avatars beside an order show who looks at it on either node, and a node that did not hear the
 * other for a while shows what happened meanwhile once it hears it again.
 */
class ViewsAcrossNodesTest {

    /** Notifications take milliseconds; a busy build machine may take seconds to start the pushes. */
    private static final Duration SOON = Duration.ofSeconds(15);

    private static ClusterNodes cluster;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;
    private static NodeClerks onA;
    private static NodeClerks onB;

    @BeforeAll
    static void startTwoNodes() {
        cluster = new ClusterNodes();
        nodeA = cluster.start();
        // Node B pauses long enough before reconnecting for a lock to change while it hears nothing.
        nodeB = cluster.start("orderdesk.cluster.reconnect-min=5s");
        onA = new NodeClerks(nodeA);
        onB = new NodeClerks(nodeB);
    }

    @AfterAll
    static void stopTheNodes() {
        onB.close();
        onA.close();
        cluster.close();
    }

    @Test
    void aliceLookingAtAnOrderOnNodeAIsAmongBobsAvatarsOnNodeBUntilSheLooksAway() {
        BrowserlessUIContext bob = onB.signIn("bob");
        bob.navigate("orders/5", OrderView.class);
        BrowserlessUIContext alice = onA.signIn("alice");
        alice.navigate("orders/5", OrderView.class);

        soon().untilAsserted(() -> assertThat(onB.viewers(bob)).containsExactly("Alice"));
        soon().untilAsserted(() -> assertThat(onA.viewers(alice)).containsExactly("Bob"));

        onA.activate(alice).navigate(OrdersView.class);

        soon().untilAsserted(() -> assertThat(onB.viewers(bob)).isEmpty());
    }

    @Test
    void aLockTakenOnNodeAWhileNodeBHeardNothingIsInBobsGridOnceNodeBHearsAgain() {
        BrowserlessUIContext bob = onB.signIn("bob");
        bob.navigate(OrdersView.class);
        assertThat(onB.lockHolder(bob, 3)).isEmpty();

        cluster.cutListener(nodeB);
        await().atMost(SOON).until(() -> clusterStatus(nodeB).equals(Status.DOWN));
        BrowserlessUIContext alice = onA.signIn("alice");
        alice.navigate("orders/3/edit", OrderEditorView.class);
        assertThat(onB.lockHolder(bob, 3)).as("not heard").isEmpty();
        assertThat(clusterStatus(nodeB))
                .as("Alice's lock was taken while node B was not listening")
                .isEqualTo(Status.DOWN);

        soon().untilAsserted(() -> assertThat(onB.lockHolder(bob, 3)).isEqualTo("Alice"));
        assertThat(clusterStatus(nodeB)).isEqualTo(Status.UP);

        // Heard as it happens again.
        onA.activate(alice);
        alice.test(alice.find(Button.class).withText("Cancel").single()).click();
        soon().untilAsserted(() -> assertThat(onB.lockHolder(bob, 3)).isEmpty());
    }

    private static Status clusterStatus(ConfigurableApplicationContext node) {
        return node.getBean("cluster", HealthIndicator.class).health().getStatus();
    }

    /** The windows are the test thread's: it holds their sessions' locks, so it polls them itself. */
    private static ConditionFactory soon() {
        return await().pollInSameThread().atMost(SOON);
    }
}
