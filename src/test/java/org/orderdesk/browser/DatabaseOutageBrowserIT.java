package org.orderdesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.orderdesk.browser.BrowserSession.logIn;
import static org.orderdesk.browser.BrowserSession.screenshot;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.orderdesk.StoppableDatabase;
import org.orderdesk.StoppableH2;
import org.orderdesk.lock.LockService;
import org.orderdesk.lock.ResourceId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Real Chromium while the database (H2 in server mode, its own) stops and starts again: Alice,
 * typing in the editor, is told at once that the connection is lost and that her changes are
 * kept; Save is refused in the same words and her text stays; Bob's grid says live data is
 * paused. Once the database is back, Alice edits again, Save stores what she typed, and Bob's
 * notice goes. The editor renews every 2 s while Alice types, so a renewal meets the outage soon.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "orderdesk.lock.renew-interval=2s")
@ActiveProfiles("test")
@DirtiesContext
class DatabaseOutageBrowserIT extends BrowserTest {

    private static final long ORDER = 17;
    private static final String CONNECTION_LOST =
            "Connection to the database lost — your changes are kept; trying again";
    private static final String LIVE_DATA_PAUSED = "Live data paused: the database is not answering.";
    private static final double SOON_MS = 15_000;

    static final StoppableDatabase database = new StoppableH2();

    @DynamicPropertySource
    static void useTheStoppableDatabase(DynamicPropertyRegistry properties) {
        database.register(properties);
    }

    @Autowired
    LockService locks;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aliceKeepsWhatSheTypedThroughAnOutageAndSavesItOnceTheDatabaseIsBack() {
        Page alice = clerk("alice", "Alice");
        Page bob = clerk("bob", "Bob");
        assertThat(bob.locator("vaadin-grid.orders-grid")).isVisible();
        edit(alice, ORDER);
        Locator notes = alice.getByLabel("Notes");
        notes.focus();
        alice.keyboard().type("Call before delivery");

        long stoppedAt = System.nanoTime();
        database.stop();
        try {
            // Typing is activity: the next renewal, within the 2 s interval, meets the outage.
            alice.keyboard().type("; ring twice");
            assertThat(alice.locator(".lock-status"))
                    .containsText(CONNECTION_LOST, new LocatorAssertions.ContainsTextOptions().setTimeout(SOON_MS));
            long toldAfterMs = millisSince(stoppedAt);
            assertThat(alice.locator(".lock-status")).not().containsText("You are editing");

            alice.keyboard().press("Control+s");
            assertThat(notification(alice, CONNECTION_LOST + ".")).isVisible();
            assertThat(notes).hasValue("Call before delivery; ring twice");
            assertThat(notes).isEditable();

            assertThat(pausedNotice(bob))
                    .containsText(LIVE_DATA_PAUSED, new LocatorAssertions.ContainsTextOptions().setTimeout(SOON_MS));
            long pausedAfterMs = millisSince(stoppedAt);
            screenshot(alice, "database-outage-alice-editing");
            screenshot(bob, "database-outage-bob-grid-paused");
            System.out.printf(
                    Locale.ROOT,
                    "Database stopped: Alice's editor said so after %d ms, Bob's grid paused after %d ms%n",
                    toldAfterMs,
                    pausedAfterMs);
        } finally {
            database.start();
        }
        long startedAt = System.nanoTime();

        assertThat(alice.locator(".lock-status"))
                .containsText("You are editing", new LocatorAssertions.ContainsTextOptions().setTimeout(SOON_MS * 2));
        long reacquiredAfterMs = millisSince(startedAt);
        assertThat(pausedNotice(bob))
                .not()
                .isAttached(new LocatorAssertions.IsAttachedOptions().setTimeout(SOON_MS * 2));
        long resumedAfterMs = millisSince(startedAt);
        assertThat(notes).hasValue("Call before delivery; ring twice");

        alice.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Save").setExact(true))
                .click();

        assertThat(notification(alice, "Saved order")).isVisible();
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(storedNotes()).isEqualTo("Call before delivery; ring twice"));
        assertThat(locks.find(ResourceId.order(ORDER)))
                .hasValueSatisfying(lock -> assertThat(lock.holder().username()).isEqualTo("alice"));
        screenshot(alice, "database-outage-alice-saved");
        System.out.printf(
                Locale.ROOT,
                "Database started: Alice edited again after %d ms, Bob's grid live again after %d ms%n",
                reacquiredAfterMs,
                resumedAfterMs);
    }

    /** The grid's "Live data paused" notice; not in the page while live data flows. */
    private static Locator pausedNotice(Page page) {
        return page.locator(".live-data-paused-notice").first();
    }

    private static Locator notification(Page page, String text) {
        return page.locator("vaadin-notification-card").filter(new Locator.FilterOptions().setHasText(text));
    }

    private String storedNotes() {
        return jdbc.sql("select notes from orders where id = :id")
                .param("id", ORDER)
                .query(String.class)
                .single();
    }

    /** A new browser profile, signed in on the orders grid: one clerk with their own session. */
    private Page clerk(String username, String displayName) {
        Page page = browser.newClerkWindow();
        opened.add(page.context());
        page.navigate(url("/login"));
        logIn(page, username, username);
        // Patient: the first page of a server that just started can take long on a loaded machine.
        assertThat(page.locator(".current-user"))
                .hasText(displayName, new LocatorAssertions.HasTextOptions().setTimeout(60_000));
        return page;
    }

    private static long millisSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
    }
}
