package org.orderdesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.orderdesk.browser.BrowserSession.logIn;
import static org.orderdesk.browser.BrowserSession.screenshot;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PageAssertions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.orderdesk.cluster.ClusterNodes;
import org.orderdesk.lock.LockService;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Real Chromium, one node of a cluster ({@link ClusterNodes}: this JVM, PostgreSQL) that is
 * stopped and started again on its port while Alice edits an order on it. While it is down, what
 * she types next finds no server and her page shows Vaadin's connection indicator, "Connection
 * lost, trying to reconnect...". Once the node is back, Vaadin finds her session gone and loads
 * the page again; the browser first asks whether to leave her unsaved changes, then the page asks
 * her to sign in. The node let her lock go as it stopped, so after signing in she edits the order
 * again at once; what she had typed but not saved is gone with her session.
 */
class NodeRestartBrowserIT {

    private static final long ORDER = 7;
    private static final String TYPED = "Typed before the restart, never saved";

    @Test
    void aClerkSeesTheConnectionLostWhileHerNodeRestartsThenSignsInAgainAndEditsTheOrder() {
        try (ClusterNodes cluster = new ClusterNodes();
                BrowserSession browser = BrowserSession.launch()) {
            ConfigurableApplicationContext node = cluster.start();
            String url = "http://localhost:" + ClusterNodes.port(node);
            Page page = browser.newClerkWindow(1600, 800);
            page.navigate(url + "/login");
            logIn(page, "alice", "alice");
            // The first pages a new node renders can take long on a busy machine.
            assertThat(page.locator(".current-user"))
                    .hasText("Alice", new LocatorAssertions.HasTextOptions().setTimeout(90_000));
            List<String> dialogs = new CopyOnWriteArrayList<>();
            page.onDialog(dialog -> {
                // The clerk's answer to "Leave site? Changes you made may not be saved": leave.
                dialogs.add(dialog.type() + ": " + dialog.message());
                dialog.accept();
            });
            page.navigate(url + "/orders/" + ORDER + "/edit");
            assertThat(page.locator(".lock-status")).containsText("You are editing");
            Locator notes = page.getByLabel("Notes");
            String savedNotes = notes.inputValue();
            notes.fill(TYPED);
            notes.press("Tab");
            // The server has it: the editor is marked as having unsaved changes.
            assertThat(page.locator(".order-editor[unsaved]")).isAttached();

            long stopping = System.nanoTime();
            cluster.stop(node);
            long stopped = System.nanoTime();
            // She goes on typing: the change she sends finds no server.
            notes.press("End");
            notes.pressSequentially(" and more");
            notes.press("Tab");
            // A striped bar across the top; the text shows for a few seconds and on hover.
            assertThat(page.locator("vaadin-connection-indicator[reconnecting] .v-status-message"))
                    .containsText("Connection lost, trying to reconnect...");
            long indicated = System.nanoTime();
            screenshot(page, "node-restart-reconnecting");

            ConfigurableApplicationContext restarted = cluster.restart(node);
            long started = System.nanoTime();
            JdbcClient database = restarted.getBean(JdbcClient.class);
            assertThat(database.sql("select count(*) from edit_locks")
                            .query(Long.class)
                            .single())
                    .as("no lock left held by nobody")
                    .isZero();
            assertThat(database.sql("select reason from lock_audit where resource_id = :id order by id desc limit 1")
                            .param("id", ORDER)
                            .query(String.class)
                            .single())
                    .isEqualTo(LockService.NODE_STOPPED);

            // Vaadin retries every 5 s; the answer "session expired" makes it load the page again.
            assertThat(page)
                    .hasURL(Pattern.compile(".*/login$"), new PageAssertions.HasURLOptions().setTimeout(30_000));
            long signInShown = System.nanoTime();
            assertThat(dialogs)
                    .as("before the page was loaded again, the browser asked whether to leave unsaved changes")
                    .singleElement()
                    .asString()
                    .startsWith("beforeunload");
            screenshot(page, "node-restart-sign-in-again");
            logIn(page, "alice", "alice");
            assertThat(page.locator(".current-user"))
                    .hasText("Alice", new LocatorAssertions.HasTextOptions().setTimeout(90_000));
            page.navigate(url + "/orders/" + ORDER + "/edit");
            assertThat(page.locator(".lock-status")).containsText("You are editing");
            assertThat(page.getByLabel("Notes")).isEditable();
            // What was typed and not saved went with the session.
            assertThat(page.getByLabel("Notes")).hasValue(savedNotes);

            System.out.printf(
                    "Node restart: stop took %d ms, connection indicator %d ms after the stop began,"
                            + " restart took %d ms, sign-in page %d ms after the restart; dialogs: %s%n",
                    millis(stopping, stopped),
                    millis(stopping, indicated),
                    millis(stopped, started),
                    millis(started, signInShown),
                    dialogs);
        }
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
