package org.orderdesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.orderdesk.browser.BrowserSession.screenshot;
import static org.orderdesk.browser.LockLatency.orderNumber;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orderdesk.browser.LockLatency.Clerk;
import org.orderdesk.cluster.ClusterNodes;
import org.orderdesk.lock.LockService;
import org.orderdesk.lock.ResourceId;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Real Chromium, two application nodes of one cluster ({@link ClusterNodes}: this JVM, one
 * PostgreSQL, random ports, the relay on): Alice's browser talks to node A only, Bob's to node B
 * only, so whatever Bob's grid shows of Alice's lock came through the relay and node B's push.
 */
class CrossNodeLiveLocksBrowserIT {

    private static final long ORDER = 7;

    private static ClusterNodes cluster;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;
    private static BrowserSession browser;

    @BeforeAll
    static void startTwoNodesAndABrowser() {
        cluster = new ClusterNodes();
        nodeA = cluster.start();
        nodeB = cluster.start();
        browser = BrowserSession.launch();
    }

    @AfterAll
    static void stopThem() {
        if (browser != null) {
            browser.close();
        }
        cluster.close();
    }

    @Test
    void aLockAliceTakesOnNodeAShowsLiveInBobsGridOnNodeBAndGoesWhenSheCancels() {
        // Wide enough for the Edit column (see LiveLocksBrowserIT).
        Clerk alice = LockLatency.signIn(browser.newClerkWindow(1600, 800), url(nodeA), "alice", "Alice");
        Clerk bob = LockLatency.signIn(browser.newClerkWindow(1600, 800), url(nodeB), "bob", "Bob");
        String number = orderNumber(ORDER);
        LockLatency.awaitFree(bob, ORDER);
        // Gone if Bob's page loads again: what his grid shows next must come by push.
        bob.page().evaluate("() => window.loadedOnce = true");

        alice.page()
                .getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Edit " + number).setExact(true))
                .click();
        assertThat(alice.page().locator(".lock-status")).containsText("You are editing");

        bob.page().waitForFunction("([n, h]) => orderdeskTest.shows(n, h)", List.of(number, "Alice"));
        assertThat(nodeB.getBean(LockService.class)
                        .find(ResourceId.order(ORDER))
                        .orElseThrow()
                        .holder()
                        .username())
                .isEqualTo("alice");
        screenshot(bob.page(), "cross-node-bob-sees-alices-lock");

        alice.page()
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel"))
                .click();
        assertThat(alice.page()).hasURL(Pattern.compile(".*/orders$"));

        LockLatency.awaitFree(bob, ORDER);
        assertThat(nodeB.getBean(LockService.class).find(ResourceId.order(ORDER)))
                .isEmpty();
        assertThat(bob.page().evaluate("() => window.loadedOnce === true"))
                .as("Bob's page was not loaded again")
                .isEqualTo(true);
    }

    private static String url(ConfigurableApplicationContext node) {
        return "http://localhost:" + node.getEnvironment().getProperty("local.server.port");
    }
}
