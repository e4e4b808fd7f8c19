package org.orderdesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;
import static org.orderdesk.browser.BrowserSession.screenshot;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.orderdesk.lock.AcquireOutcome;
import org.orderdesk.lock.LockHolder;
import org.orderdesk.lock.LockInfo;
import org.orderdesk.lock.LockService;
import org.orderdesk.lock.LockTakeOvers;
import org.orderdesk.lock.ResourceId;
import org.orderdesk.order.Order;
import org.orderdesk.order.OrderService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A clerk without a mouse, in real Chromium on the real clock, with short lock timings: a 45 s
 * lease renewed every 2 s while the clerk is active, idle after 4 s, and the expiry warning 42 s
 * before the end, so 3 s after the last renewal (and the tabbing to its button has time even on a
 * loaded machine). Only the keyboard moves
 * the clerk (the sign-in form is filled in); what a screen reader gets is read from the
 * accessibility tree.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "orderdesk.lock.sweeper-enabled=true",
            "orderdesk.lock.lease=45s",
            "orderdesk.lock.renew-interval=2s",
            "orderdesk.lock.idle-timeout=4s",
            "orderdesk.lock.warn-before=42s",
            "orderdesk.lock.sweep-interval=500ms"
        })
@ActiveProfiles("test")
class KeyboardBrowserIT extends BrowserTest {

    /** Idle 4 s, at most one more renewal, then 3 s until the warning: well within this. */
    private static final double WARNING_TIMEOUT_MS = 20_000;

    /** Far more Tab presses than the page has stops: reaching a stop takes fewer, or it is unreachable. */
    private static final int MAX_TABS = 60;

    /** The element that has the focus, inside shadow roots too. */
    private static final String FOCUSED = """
            (() => {
                let focused = document.activeElement;
                while (focused && focused.shadowRoot && focused.shadowRoot.activeElement) {
                    focused = focused.shadowRoot.activeElement;
                }
                return focused;
            })()""";

    @Autowired
    LockService locks;

    @Autowired
    LockTakeOvers takeOvers;

    @Autowired
    OrderService orders;

    @Test
    void theWarningLeavesTheFocusInTheFieldIsReadOutAndExtendsByTabAndEnterAndByAltKUntilTheLockIsLost() {
        Page alice = clerk("alice", "Alice");
        edit(alice, 17);
        assertThat(alice.locator(".lock-inactivity"))
                .hasText("Without activity here, your lock lapses after 47 s to 49 s");
        tabUntil(alice, "the Notes field", focusedIn("vaadin-text-area", "label", "Notes"));
        alice.keyboard().type("abc");

        Locator warning = expiryWarning(alice, 17);
        assertThat(warning).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(WARNING_TIMEOUT_MS));
        assertThat(notesHaveFocus(alice))
                .as("the warning left the focus in Notes")
                .isTrue();
        assertThat(warning).hasAttribute("aria-live", "assertive");
        String spoken = warning.ariaSnapshot();
        System.out.println("Expiry warning in the accessibility tree:\n" + spoken);
        assertThat(spoken)
                .contains("Your lock on order OD-000017 ends in")
                .containsPattern("\\d+ seconds\\. To keep editing, press Alt\\+K\\.")
                .contains("button \"Keep editing\"")
                .as("the countdown is hidden from the screen reader, or it would be read out every second")
                .doesNotContainPattern("\\d:\\d\\d");
        screenshot(alice, "keyboard-expiry-warning");

        // Tab, from Notes, through the rest of the page to the warning's Keep editing button. The Tab
        // presses in the form count as activity: with this test's 2 s renew interval the browser's next
        // renewal would come while tabbing and close the warning before Enter (rightly, as it renews).
        // With the 30 s of production it lies well ahead; so here the renewal timer is stopped for the
        // step, and Keep editing starts it again.
        alice.evaluate("clearInterval(document.querySelector('.order-editor').__lockHeartbeat.renewer)");
        Instant warnedExpiry = expiry(17);
        int tabs = tabUntil(alice, "Keep editing on the warning", """
                (() => {
                    const focused = document.activeElement;
                    return !!focused && focused.localName === 'vaadin-button'
                        && !!focused.closest('vaadin-notification-card')
                        && focused.textContent.includes('Keep editing');
                })()""");
        System.out.printf(Locale.ROOT, "Keep editing reached from Notes with %d presses of Tab%n", tabs);
        alice.keyboard().press("Enter");

        assertThat(warning).isHidden();
        awaitExtendedBeyond(17, warnedExpiry);
        assertThat(notesHaveFocus(alice))
                .as("after Keep editing the focus is back in Notes")
                .isTrue();

        // The second warning: Alt+K from inside the field, without leaving it.
        assertThat(warning).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(WARNING_TIMEOUT_MS));
        assertThat(notesHaveFocus(alice)).isTrue();
        Instant warnedAgain = expiry(17);
        alice.keyboard().press("Alt+k");

        assertThat(warning).isHidden();
        awaitExtendedBeyond(17, warnedAgain);
        assertThat(notesHaveFocus(alice)).isTrue();
        alice.keyboard().type("def");
        assertThat(alice.getByLabel("Notes")).hasValue("abcdef");

        // Sam takes the order over: the loss is an alert, and the status says so.
        LockInfo held = locks.find(ResourceId.order(17)).orElseThrow();
        assertThat(takeOvers.takeOver(
                        held.resource(), held.token(), new LockHolder("sam", "Sam", "sams-tab"), "Customer called"))
                .isInstanceOf(AcquireOutcome.Acquired.class);

        Locator lost =
                alice.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions().setHasText("Lock lost to Sam"));
        assertThat(lost).isVisible();
        System.out.println("Lost lock in the accessibility tree:\n" + lost.ariaSnapshot());
        assertThat(alice.getByRole(AriaRole.STATUS)
                        .filter(new Locator.FilterOptions().setHasText("You no longer hold the lock")))
                .isVisible();
        screenshot(alice, "keyboard-lock-lost");

        // "def" left the browser only after the loss (the field sends lazily): the form, now
        // read-only, still shows it, and so does Alice's unsaved draft.
        Locator notes = alice.getByLabel("Notes");
        assertThat(notes).not().isEditable();
        alice.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Compare with saved"))
                .click();
        Locator comparison = alice.locator("vaadin-grid.compare-dialog-rows");
        assertThat(comparison).containsText("abcdef");
        alice.getByRole(AriaRole.DIALOG)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close"))
                .click();
        assertThat(comparison).isHidden();
        assertThat(notes).hasValue("abcdef");
        assertThat(notes).not().isEditable();
        assertThat(alice.locator(".order-form").evaluate("""
                        form => [...form.querySelectorAll('vaadin-text-field, vaadin-text-area, vaadin-select,'
                                + ' vaadin-date-picker, vaadin-integer-field, vaadin-big-decimal-field')]
                            .map((field) => field.readonly)"""))
                .as("every field of the form and its lines is read-only")
                .asInstanceOf(InstanceOfAssertFactories.LIST)
                .hasSizeGreaterThan(10)
                .containsOnly(true);
    }

    @Test
    void aClerksDayWithoutTheMouse() {
        Page alice = clerk("alice", "Alice");

        // Find OD-000019 with the search field and the arrow keys; Enter opens it for editing.
        findInGrid(alice, "OD-00001", "OD-000019");
        alice.keyboard().press("Enter");
        assertThat(alice).hasURL(Pattern.compile(".*/orders/19/edit$"));
        assertThat(alice.locator(".lock-status")).containsText("You are editing");

        // A field and a line, then Ctrl+S.
        tabUntil(alice, "the Customer field", focusedIn("vaadin-text-field", "label", "Customer"));
        alice.keyboard().press("Control+a");
        alice.keyboard().type("Keyboard Traders");
        tabUntil(
                alice,
                "the quantity of line 1",
                focusedIn("vaadin-integer-field", "accessibleName", "Quantity, line 1"));
        alice.keyboard().press("Control+a");
        alice.keyboard().type("7");
        alice.keyboard().press("Control+s");

        assertThat(alice.getByRole(AriaRole.ALERT)
                        .filter(new Locator.FilterOptions().setHasText("Saved order OD-000019")))
                .isVisible();
        Order saved = orders.findWithLines(19).orElseThrow();
        assertThat(saved.getCustomer()).isEqualTo("Keyboard Traders");
        assertThat(saved.getLines().getFirst().getQuantity()).isEqualTo(7);

        // Idle: the warning comes; Alt+K extends.
        Locator warning = expiryWarning(alice, 19);
        assertThat(warning).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(WARNING_TIMEOUT_MS));
        Instant warnedExpiry = expiry(19);
        alice.keyboard().press("Alt+k");
        assertThat(warning).isHidden();
        awaitExtendedBeyond(19, warnedExpiry);

        // Esc leaves the editor and gives the lock up.
        alice.keyboard().press("Escape");
        assertThat(alice).hasURL(Pattern.compile(".*/orders$"));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> locks.find(ResourceId.order(19)).isEmpty());

        // Bob edits OD-000023: Shift+F10 on its row opens the menu; the arrow keys and Enter ask him.
        assertThat(locks.acquire(ResourceId.order(23), new LockHolder("bob", "Bob", "bobs-tab")))
                .isInstanceOf(AcquireOutcome.Acquired.class);
        findInGrid(alice, "OD-00002", "OD-000023");
        assertThat(alice.locator("vaadin-grid.orders-grid")).containsText("Bob");
        alice.keyboard().press("Shift+F10");
        Locator ask = alice.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Ask Bob to release"));
        assertThat(ask).isVisible();
        screenshot(alice, "keyboard-context-menu");
        for (int presses = 0; !focusIs(alice, "Ask Bob to release"); presses++) {
            if (presses > 6) {
                fail("The arrow keys never reached \"Ask Bob to release\"; the focus is on " + describeFocus(alice));
            }
            alice.keyboard().press("ArrowDown");
        }
        alice.keyboard().press("Enter");

        assertThat(alice.getByRole(AriaRole.ALERT)
                        .filter(new Locator.FilterOptions().setHasText("Asked Bob to release order OD-000023")))
                .isVisible();
        screenshot(alice, "keyboard-asked-to-release");
    }

    /**
     * Tabs to the search field, types {@code search}, tabs into the grid's rows (the header is a
     * stop of its own) and moves down with the arrow keys to the row of {@code orderNumber}.
     */
    private void findInGrid(Page page, String search, String orderNumber) {
        tabUntil(page, "the search field", "!!document.activeElement?.closest('.orders-toolbar vaadin-text-field')");
        page.keyboard().press("Control+a");
        page.keyboard().type(search);
        assertThat(page.locator(".match-count")).hasText("10 orders");
        tabUntil(page, "the grid's rows", """
                (() => {
                    const grid = document.activeElement;
                    return grid?.localName === 'vaadin-grid' && !!grid.shadowRoot.activeElement?.closest('#items');
                })()""");
        for (int presses = 0; !(Boolean) page.evaluate(focusedRowIs(orderNumber)); presses++) {
            if (presses > 12) {
                fail("The arrow keys never reached " + orderNumber + "; the focus is on " + describeFocus(page));
            }
            page.keyboard().press("ArrowDown");
        }
    }

    /** Whether the grid's focused cell is in the body row of {@code orderNumber}. */
    private static String focusedRowIs(String orderNumber) {
        return """
                (() => {
                    const grid = document.activeElement;
                    const cell = grid?.localName === 'vaadin-grid' ? grid.shadowRoot.activeElement : null;
                    const row = cell?.closest('#items tr');
                    return !!row && [...row.querySelectorAll('slot')].some((slot) =>
                        slot.assignedNodes().some((node) => node.textContent.includes('%s')));
                })()""".formatted(orderNumber);
    }

    /** Presses Tab until {@code condition} (a JavaScript expression) holds; how many presses it took. */
    private static int tabUntil(Page page, String what, String condition) {
        List<String> stops = new ArrayList<>();
        for (int presses = 0; presses <= MAX_TABS; presses++) {
            if ((Boolean) page.evaluate(condition)) {
                return presses;
            }
            page.keyboard().press("Tab");
            stops.add(String.valueOf(page.evaluate(
                    "(() => { const f = " + FOCUSED + "; return f ? f.localName + ' ' + (f.getAttribute('aria-label')"
                            + " || f.textContent || '').trim().slice(0, 30) : 'nothing'; })()")));
        }
        return fail("Tab never reached " + what + " in " + MAX_TABS + " presses; it went " + String.join(" | ", stops));
    }

    /** A JavaScript condition: the focus is inside a {@code tag} whose {@code property} is {@code value}. */
    private static String focusedIn(String tag, String property, String value) {
        return "document.activeElement?.closest('%s')?.%s === '%s'".formatted(tag, property, value);
    }

    private static boolean focusIs(Page page, String text) {
        return (Boolean) page.evaluate("(" + FOCUSED + ")?.textContent?.trim() === '" + text + "'");
    }

    private static String describeFocus(Page page) {
        return String.valueOf(
                page.evaluate(
                        "(() => { const f = " + FOCUSED
                                + "; return f ? f.outerHTML.slice(0, 300) + ' in ' + f.parentNode?.outerHTML?.slice(0, 300) : 'nothing'; })()"));
    }

    private static boolean notesHaveFocus(Page page) {
        return (Boolean) page.evaluate("() => document.activeElement?.closest('vaadin-text-area')?.label === 'Notes'");
    }

    /** The "Your lock on … ends in" notification's card, the live region. */
    private static Locator expiryWarning(Page page, long orderId) {
        return page.locator("vaadin-notification-card")
                .filter(new Locator.FilterOptions()
                        .setHasText(String.format(Locale.ROOT, "Your lock on order OD-%06d ends in", orderId)));
    }

    private Instant expiry(long orderId) {
        return locks.find(ResourceId.order(orderId)).orElseThrow().expiresAt();
    }

    private void awaitExtendedBeyond(long orderId, Instant before) {
        await().atMost(Duration.ofSeconds(3))
                .untilAsserted(() -> assertThat(locks.find(ResourceId.order(orderId)))
                        .hasValueSatisfying(lock -> assertThat(lock.expiresAt()).isAfter(before)));
    }

    /** A new browser profile, signed in: one clerk with their own session. */
    private Page clerk(String username, String displayName) {
        Page page = browser.newClerkWindow();
        opened.add(page.context());
        page.navigate(url("/login"));
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(username);
        page.keyboard().press("Enter");
        assertThat(page.locator(".current-user")).hasText(displayName);
        return page;
    }
}
