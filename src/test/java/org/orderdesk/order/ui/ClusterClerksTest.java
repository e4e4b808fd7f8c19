package org.orderdesk.order.ui;

import static org.awaitility.Awaitility.await;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.browserless.SecuredBrowserlessApplicationContext;
import com.vaadin.browserless.SpringBrowserlessApplicationContext;
import com.vaadin.browserless.internal.MockVaadin;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.awaitility.core.ThrowingRunnable;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.orderdesk.Application;
import org.orderdesk.cluster.ClusterNodes;
import org.orderdesk.lock.LockInfo;
import org.orderdesk.lock.LockService;
import org.orderdesk.lock.ResourceId;
import org.orderdesk.ui.LivePushMeters;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Several clerks on two application nodes of one cluster, as {@link ClerksTest} has them on one:
 * {@link ClusterNodes} starts node A and node B in this JVM on one PostgreSQL with the relay on,
 * and each node gets a browserless application context of its own, in which every clerk signs in
 * with a browser session and window of their own. The two contexts work side by side: a window's
 * {@code activate()} (which the helpers call) sets the Vaadin and Spring Security thread-locals to
 * that window's node, session and user.
 *
 * <p>What a clerk does on one node reaches the other node's clerks only once that node's listening
 * connection hears of it, on a thread of its own: so tests do not deliver pushes once, they wait
 * with {@link #eventually} until the clerk sees what is expected. Neither node sweeps by itself;
 * each has a {@code TestClock} of its own that no test here moves.
 */
abstract class ClusterClerksTest {

    /** One application node, and the browserless application the current test opened on it. */
    static final class Node {

        private final String name;
        private final ConfigurableApplicationContext spring;
        private @Nullable SecuredBrowserlessApplicationContext<Authentication> app;

        Node(String name, ConfigurableApplicationContext spring) {
            this.name = name;
            this.spring = spring;
        }

        <T> T bean(Class<T> type) {
            return spring.getBean(type);
        }

        LivePushMeters live() {
            return new LivePushMeters(bean(MeterRegistry.class));
        }

        @Override
        public String toString() {
            return "node " + name;
        }
    }

    private static ClusterNodes cluster;
    static Node nodeA;
    static Node nodeB;

    private final List<BrowserlessUIContext> windows = new ArrayList<>();

    @BeforeAll
    static void startTwoNodes() {
        cluster = new ClusterNodes();
        nodeA = new Node("A", cluster.start());
        nodeB = new Node("B", cluster.start());
    }

    @AfterAll
    static void stopTheNodes() {
        cluster.close();
    }

    @BeforeEach
    void openTheApplicationOnEachNode() {
        nodeA.bean(JdbcClient.class).sql("delete from edit_locks").update();
        nodeA.bean(JdbcClient.class).sql("delete from lock_waiters").update();
        nodeA.bean(JdbcClient.class).sql("delete from lock_turns").update();
        for (Node node : List.of(nodeA, nodeB)) {
            node.app = SpringBrowserlessApplicationContext.createSecured(node.spring, Application.class);
        }
    }

    @AfterEach
    void closeTheApplications() {
        windows.clear();
        for (Node node : List.of(nodeB, nodeA)) {
            if (node.app != null) {
                node.app.close();
                node.app = null;
            }
        }
    }

    /** A new browser session for {@code username} on {@code node}, signed in, with one window. */
    BrowserlessUIContext signIn(Node node, String username) {
        UserDetails user = node.bean(UserDetailsService.class).loadUserByUsername(username);
        BrowserlessUIContext window = node.app
                .newUser(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()))
                .newWindow();
        windows.add(window);
        return window;
    }

    /**
     * Waits until {@code check} passes, delivering the pushes on their way to every window before
     * each try: for what one node does to show on the other. A component not there yet (the
     * browserless queries' {@link NoSuchElementException}) counts as not seen yet. Runs {@code
     * check} on the test's thread, where the windows' thread-locals are.
     */
    void eventually(ThrowingRunnable check) {
        await().pollInSameThread()
                .ignoreExceptionsInstanceOf(NoSuchElementException.class)
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> {
                    deliverPushes();
                    check.run();
                });
    }

    /** Lets every window take the pushes that reached {@code ui.access} on its node so far. */
    void deliverPushes() {
        await().atMost(Duration.ofSeconds(5))
                .until(() -> !nodeA.live().isPushing() && !nodeB.live().isPushing());
        windows.stream().filter(window -> !window.getUI().isClosing()).forEach(window -> {
            window.activate();
            MockVaadin.runUIQueue(false, window.getUser().getSession());
            window.roundTrip();
        });
    }

    /** The order's lock as the database has it, the same from every node. */
    static Optional<LockInfo> lockOf(long orderId) {
        return nodeA.bean(LockService.class).find(ResourceId.order(orderId));
    }
}
