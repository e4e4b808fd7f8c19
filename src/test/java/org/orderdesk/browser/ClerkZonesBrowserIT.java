package org.orderdesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.orderdesk.browser.BrowserSession.logIn;
import static org.orderdesk.browser.LockLatency.orderNumber;

import com.microsoft.playwright.Page;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.orderdesk.lock.LockInfo;
import org.orderdesk.lock.LockService;
import org.orderdesk.lock.ResourceId;
import org.orderdesk.order.Order;
import org.orderdesk.order.OrderService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Real Chromium, two clerks on opposite sides of the world (Playwright's {@code timezoneId}): each
 * reads every time of day in their own browser's zone, computed here from the very instants the
 * server holds, while the dates of the data read the same for both.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ClerkZonesBrowserIT extends BrowserTest {

    private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The cells of a grid row by column header, found by the row's order number through the grid's shadow DOM. */
    private static final String GRID_ROW = """
            number => {
                const grid = document.querySelector('vaadin-grid.orders-grid');
                if (!grid) {
                    return null;
                }
                const text = cell => {
                    const slot = cell.querySelector('slot');
                    const content = slot && slot.assignedElements()[0];
                    return content ? content.textContent.trim() : '';
                };
                const headers = [...grid.shadowRoot.querySelectorAll('thead tr:last-child th')].map(text);
                for (const content of grid.querySelectorAll('vaadin-grid-cell-content')) {
                    if (content.textContent.trim() !== number || !content.assignedSlot) {
                        continue;
                    }
                    const row = content.assignedSlot.closest('tr');
                    if (!row || row.hidden) {
                        continue;
                    }
                    const cells = [...row.querySelectorAll('td')].map(text);
                    return Object.fromEntries(headers.map((header, i) => [header, cells[i]]));
                }
                return null;
            }
            """;

    @Autowired
    LockService locks;

    @Autowired
    OrderService orders;

    @Test
    void aliceInAucklandAndBobInNewYorkSeeTheSameLockAndChangeInTheirOwnTimesAndTheSameOrderDate() {
        long orderId = 5;
        String number = orderNumber(orderId);
        Order order = orders.findWithLines(orderId).orElseThrow();
        Instant changedAt = Objects.requireNonNull(order.getLastChangedAt());
        Page alice = clerkIn(AUCKLAND, "alice", "Alice");
        Page bob = clerkIn(NEW_YORK, "bob", "Bob");

        Map<?, ?> alicesRow = gridRow(alice, number);
        Map<?, ?> bobsRow = gridRow(bob, number);
        assertThat(alicesRow.get("Changed at")).isEqualTo(MINUTES.format(changedAt.atZone(AUCKLAND)));
        assertThat(bobsRow.get("Changed at")).isEqualTo(MINUTES.format(changedAt.atZone(NEW_YORK)));
        assertThat(alicesRow.get("Order date"))
                .isEqualTo(bobsRow.get("Order date"))
                .isEqualTo(order.getOrderDate().toString());

        bob.navigate(url("/orders/" + orderId));
        assertThat(bob.getByLabel("Order date")).hasValue(order.getOrderDate().toString());
        assertThat(bob.getByLabel("Last changed"))
                .hasValue(order.getLastChangedBy() + " · " + MINUTES.format(changedAt.atZone(NEW_YORK)));
        edit(alice, orderId);

        LockInfo lock = locks.find(ResourceId.order(orderId)).orElseThrow();
        assertThat(alice.locator(".lock-status .lock-ends"))
                .hasText(TIME.format(lock.expiresAt().atZone(AUCKLAND)));
        assertThat(bob.locator(".lock-banner"))
                .containsText("Alice is editing this order since "
                        + TIME.format(lock.acquiredAt().atZone(NEW_YORK)) + " — lock ends "
                        + TIME.format(lock.expiresAt().atZone(NEW_YORK)));
    }

    /** A new browser profile in {@code zone}, signed in and on the orders grid. */
    private Page clerkIn(ZoneId zone, String username, String displayName) {
        Page page = browser.newClerkWindowIn(zone.getId());
        opened.add(page.context());
        page.navigate(url("/login"));
        logIn(page, username, username);
        assertThat(page.locator(".current-user")).hasText(displayName);
        assertThat(page.evaluate("Intl.DateTimeFormat().resolvedOptions().timeZone"))
                .as("the browser's own zone")
                .isEqualTo(zone.getId());
        return page;
    }

    private static Map<?, ?> gridRow(Page page, String number) {
        page.waitForFunction("(" + GRID_ROW + ")(" + "'" + number + "') !== null");
        return (Map<?, ?>) page.evaluate(GRID_ROW, number);
    }
}
