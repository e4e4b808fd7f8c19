package org.orderdesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.orderdesk.browser.BrowserSession.logIn;
import static org.orderdesk.browser.BrowserSession.screenshot;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.orderdesk.lock.AuditFilter;
import org.orderdesk.lock.LockAction;
import org.orderdesk.lock.LockAuditEntry;
import org.orderdesk.lock.LockAuditTrail;
import org.orderdesk.lock.LockService;
import org.orderdesk.lock.ResourceId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Real Chromium against the editor and its edit lock, on the real clock with short lock timings:
 * a 24 s lease, renewed every 2 s while the clerk is active, idle after 4 s, the expiry warning
 * 21 s before the lease ends (the shortest the start-up rules allow with a 500 ms sweep), so 3 s
 * after the last renewal. Each test edits its own order, so the tests do not meet each other's locks.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "orderdesk.lock.sweeper-enabled=true",
            "orderdesk.lock.lease=24s",
            "orderdesk.lock.renew-interval=2s",
            "orderdesk.lock.idle-timeout=4s",
            "orderdesk.lock.warn-before=21s",
            "orderdesk.lock.sweep-interval=500ms"
        })
@ActiveProfiles("test")
class EditorBrowserIT extends BrowserTest {

    /** Idle 4 s, at most one more renewal, then 3 s until the warning: well within this. */
    private static final double WARNING_TIMEOUT_MS = 20_000;

    /** Lets every beacon out but Vaadin's own, to its message endpoint {@code ?v-r=uidl}. */
    private static final String DROP_VAADIN_UNLOAD_BEACON = """
            () => {
                const send = navigator.sendBeacon.bind(navigator);
                navigator.sendBeacon = (url, data) => /[?&]v-r=uidl/.test(String(url)) || send(url, data);
            }
            """;

    private static final String NOTE = "Call the customer before delivery";

    @Autowired
    LockService locks;

    @Autowired
    LockAuditTrail auditTrail;

    @Test
    void bobOpensTheEditorOfAnOrderAliceEditsAndLandsReadOnlyWithHerNameInTheBanner() {
        Page alice = clerk("alice", "Alice");
        Page bob = clerk("bob", "Bob");
        edit(alice, 1);

        bob.navigate(url("/orders/1/edit"));

        assertThat(bob).hasURL(Pattern.compile(".*/orders/1$"));
        assertThat(bob.locator(".lock-banner")).containsText("Alice is editing this order");
        assertThat(bob.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Order OD-000001")))
                .isVisible();
        assertThat(bob.getByLabel("Customer")).not().isEditable();
        screenshot(bob, "editor-read-only-for-bob");
        assertThat(locks.find(ResourceId.order(1)))
                .hasValueSatisfying(lock -> assertThat(lock.holder().username()).isEqualTo("alice"));
    }

    @Test
    void aliceIdlesGetsTheExpiryWarningAndKeepEditingExtendsHerLock() {
        Page alice = clerk("alice", "Alice");
        edit(alice, 3);
        Locator warning = expiryWarning(alice, 3);
        Locator countdown = alice.locator(".lock-status .lock-countdown");

        assertThat(warning).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(WARNING_TIMEOUT_MS));
        assertThat(warning).containsText("Release");
        screenshot(alice, "editor-expiry-warning");
        Instant warnedExpiry = locks.find(ResourceId.order(3)).orElseThrow().expiresAt();
        int secondsLeftWhenWarned = seconds(countdown.textContent());

        alice.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Keep editing"))
                .click();

        assertThat(warning).isHidden();
        await().atMost(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(locks.find(ResourceId.order(3))).hasValueSatisfying(lock -> {
                    assertThat(lock.expiresAt()).isAfter(warnedExpiry);
                    assertThat(lock.holder().username()).isEqualTo("alice");
                }));
        assertThat(countdown).hasText(countdownAbove(secondsLeftWhenWarned));
        assertThat(alice.getByLabel("Customer")).isEditable();

        // Keep editing counts as activity: the browser renews again by itself, with no further touch.
        Instant keptUntil = locks.find(ResourceId.order(3)).orElseThrow().expiresAt();
        await().atMost(Duration.ofSeconds(4))
                .untilAsserted(() -> assertThat(locks.find(ResourceId.order(3)))
                        .hasValueSatisfying(lock -> assertThat(lock.expiresAt()).isAfter(keptUntil)));
    }

    @Test
    void aliceClosesHerTabAndBobCanEditTheOrderWithinTwoSeconds() {
        Page alice = clerk("alice", "Alice");
        Page bob = clerk("bob", "Bob");
        edit(alice, 5);
        assertThat(locks.find(ResourceId.order(5))).isPresent();
        List<String> beacons = lockReleaseRequests(alice.context());

        // A plain close, as when the clerk closes the tab, without running beforeunload: Chromium
        // still fires pagehide, so the editor's beacon goes out (and so does Vaadin's own unload message).
        closeAndAwaitRelease(alice, 5);

        edit(bob, 5);
        assertThat(bob.getByLabel("Customer")).isEditable();
        assertThat(locks.find(ResourceId.order(5)))
                .hasValueSatisfying(lock -> assertThat(lock.holder().username()).isEqualTo("bob"));
        // Playwright reports the closed page's requests on its next call: edit(bob, 5) made some.
        assertThat(beacons).anySatisfy(body -> assertThat(body).contains("resourceId=5"));
    }

    /**
     * Closing a tab also sends Vaadin's own unload message, which detaches the editor and so releases
     * the lock too. Here that message is dropped: the editor's beacon alone must release the lock.
     */
    @Test
    void theTabCloseBeaconAloneReleasesTheLockWithinTwoSeconds() {
        Page alice = clerk("alice", "Alice");
        edit(alice, 11);
        assertThat(locks.find(ResourceId.order(11))).isPresent();
        // Vaadin sends its unload message with navigator.sendBeacon too: drop just that one. (Not with
        // page.route: intercepting requests can hold up the beacon of a page that is closing.)
        alice.evaluate(DROP_VAADIN_UNLOAD_BEACON);

        closeAndAwaitRelease(alice, 11);
    }

    @Test
    void loggingOutReleasesTheLockAtOnce() {
        Page alice = clerk("alice", "Alice");
        edit(alice, 13);

        alice.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out"))
                .click();

        assertThat(alice).hasURL(Pattern.compile(".*/login$"));
        await().atMost(Duration.ofSeconds(2))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> locks.find(ResourceId.order(13)).isEmpty());
    }

    @Test
    void aliceMovesEditingToHerSecondTabAndTheFirstTurnsReadOnlyKeepingHerUnsavedNote() {
        Page firstTab = clerk("alice", "Alice");
        edit(firstTab, 7);
        Locator firstNotes = firstTab.getByLabel("Notes");
        firstNotes.fill(NOTE);
        // Leaving the field sends the value; the editor then marks itself unsaved.
        firstNotes.press("Tab");
        assertThat(firstTab.locator(".order-editor[unsaved]")).isAttached();

        Page secondTab = browser.newTabOf(firstTab);
        secondTab.navigate(url("/orders/7/edit"));
        assertThat(secondTab.locator(".other-tab-choice"))
                .containsText("You are editing order OD-000007 in another tab");
        assertThat(secondTab.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open read-only")))
                .isVisible();
        secondTab
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move editing here"))
                .click();

        assertThat(secondTab.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Edit order OD-000007")))
                .isVisible();
        assertThat(secondTab.getByLabel("Customer")).isEditable();
        assertThat(secondTab.locator(".lock-status")).containsText("You are editing");

        Locator lost = firstTab.locator(".lock-lost");
        assertThat(lost).isVisible();
        assertThat(lost).containsText("Lock moved to your other tab: you are editing order OD-000007 there");
        assertThat(lost.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Re-acquire and continue")))
                .isVisible();
        assertThat(firstNotes).not().isEditable();
        assertThat(firstNotes).hasValue(NOTE);
        assertThat(firstTab.getByLabel("Customer")).not().isEditable();
        screenshot(firstTab, "editor-moved-tab");

        // The second tab leaves and frees the lock: re-acquiring makes the first tab's form editable again.
        secondTab
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel"))
                .click();
        assertThat(secondTab).hasURL(Pattern.compile(".*/orders$"));
        lost.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Re-acquire and continue"))
                .click();
        assertThat(firstTab.locator(".lock-status")).containsText("You are editing");
        assertThat(firstNotes).isEditable();
        assertThat(firstNotes).hasValue(NOTE);
        assertThat(firstTab.getByLabel("Customer")).isEditable();

        // The note is still not saved: closing the first tab asks.
        List<String> dialogs = new CopyOnWriteArrayList<>();
        firstTab.onDialog(dialog -> {
            dialogs.add(dialog.type());
            dialog.accept();
        });
        firstTab.close(new Page.CloseOptions().setRunBeforeUnload(true));
        // Playwright hands over the dialog event while it processes messages: wait in the other tab.
        secondTab.waitForCondition(() -> dialogs.contains("beforeunload"));
    }

    @Test
    void keysTypedWhileTheExpiryWarningAppearsAllLandInTheNotes() {
        Page alice = clerk("alice", "Alice");
        edit(alice, 9);
        Locator notes = alice.getByLabel("Notes");
        notes.focus();
        alice.keyboard().type("abc");

        Locator warning = expiryWarning(alice, 9);
        assertThat(warning).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(WARNING_TIMEOUT_MS));
        assertThat(notesHaveFocus(alice))
                .as("the warning left the focus in Notes")
                .isTrue();

        alice.keyboard().type("def");

        assertThat(notes).hasValue("abcdef");
        assertThat(notesHaveFocus(alice)).as("the focus is still in Notes").isTrue();
        screenshot(alice, "editor-expiry-warning-typing");
    }

    /**
     * What a script typed into the browser's console can do: call the editor's renewal method 300
     * times as fast as it goes. The server lets at most one renewal per second (half the 2 s renew
     * interval) reach the database, counted on the hold's one audit row.
     */
    @Test
    void renewalCallsFromTheConsoleReachTheDatabaseAtMostOncePerHalfRenewInterval() {
        Page alice = clerk("alice", "Alice");
        edit(alice, 15);
        Instant acquiredAt = locks.find(ResourceId.order(15)).orElseThrow().acquiredAt();

        double burstMs = ((Number) alice.evaluate("""
                        async () => {
                            const editor = document.querySelector('.order-editor');
                            const began = performance.now();
                            await Promise.all(Array.from({ length: 300 }, () => editor.$server.renewLock(0)));
                            return performance.now() - began;
                        }
                        """)).doubleValue();

        Duration held = Duration.between(acquiredAt, Instant.now());
        List<LockAuditEntry> trail = auditTrail.entries(AuditFilter.order(15), PageRequest.of(0, 50));
        assertThat(trail).singleElement().satisfies(hold -> {
            assertThat(hold.action()).isEqualTo(LockAction.ACQUIRED);
            assertThat(hold.renewals()).isLessThanOrEqualTo((int) held.toSeconds() + 1);
        });
        System.out.printf(
                Locale.ROOT,
                "300 renewal calls from the console in %.0f ms: %d renewals reached the database in the %d ms"
                        + " since the lock was taken%n",
                burstMs,
                trail.getFirst().renewals(),
                held.toMillis());
    }

    /** Closes the tab and waits at most 2 s for the order's lock to be free; prints how long it took. */
    private void closeAndAwaitRelease(Page tab, long orderId) {
        long closing = System.nanoTime();
        tab.close();
        await().atMost(Duration.ofSeconds(2))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> locks.find(ResourceId.order(orderId)).isEmpty());
        long releasedAfterMs = Duration.ofNanos(System.nanoTime() - closing).toMillis();
        System.out.printf(
                Locale.ROOT, "Lock on %s released %d ms after its tab closed%n", orderName(orderId), releasedAfterMs);
    }

    /** The bodies of the tab-close beacons that pages of {@code context} send from now on. */
    private static List<String> lockReleaseRequests(BrowserContext context) {
        List<String> bodies = new CopyOnWriteArrayList<>();
        context.onRequest(request -> {
            if (request.url().endsWith("/api/lock-release")) {
                bodies.add(String.valueOf(request.postData()));
            }
        });
        return bodies;
    }

    /** The "Your lock on order … ends in" notification. */
    private static Locator expiryWarning(Page page, long orderId) {
        return page.locator("vaadin-notification-card")
                .filter(new Locator.FilterOptions().setHasText("Your lock on " + orderName(orderId) + " ends in"));
    }

    private static boolean notesHaveFocus(Page page) {
        return (Boolean) page.evaluate("() => document.activeElement?.closest('vaadin-text-area')?.label === 'Notes'");
    }

    /** A new browser profile, logged in: one clerk with their own session. */
    private Page clerk(String username, String displayName) {
        Page page = browser.newClerkWindow();
        opened.add(page.context());
        page.navigate(url("/login"));
        logIn(page, username, username);
        assertThat(page.locator(".current-user")).hasText(displayName);
        return page;
    }

    private static String orderName(long orderId) {
        return String.format(Locale.ROOT, "order OD-%06d", orderId);
    }

    /** "0:03" is 3. */
    private static int seconds(String countdown) {
        String[] parts = countdown.trim().split(":");
        return Integer.parseInt(parts[0]) * 60 + Integer.parseInt(parts[1]);
    }

    /** Any countdown from {@code seconds + 1} up to a minute. */
    private static Pattern countdownAbove(int seconds) {
        return Pattern.compile(IntStream.rangeClosed(seconds + 1, 59)
                .mapToObj(s -> String.format(Locale.ROOT, "0:%02d", s))
                .collect(Collectors.joining("|", "^(", ")$")));
    }
}
