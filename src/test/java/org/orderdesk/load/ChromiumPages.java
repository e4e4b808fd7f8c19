package org.orderdesk.load;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.orderdesk.browser.BrowserSession;
import org.orderdesk.browser.LockLatency;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A few demo clerks in real Chromium, on one thread (Playwright is not thread-safe), dealt to the
 * nodes in turn: each in turn clicks Edit on one of the first orders of their grid, types notes,
 * saves and closes the editor, or lands on the read-only order when another page has it and goes
 * back to the grid. Meanwhile every page's grid shows the simulated clerks' locks come and go by
 * push. With {@code cyclesPerSession}, a page logs out and in again, so its session ends.
 */
final class ChromiumPages implements Runnable {

    private static final List<String> DEMO_CLERKS = List.of("alice", "bob", "carol", "sam");
    private static final Pattern GRID = Pattern.compile(".*/orders$");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private record Clerk(String username, String baseUrl, JdbcClient database, Page page) {}

    private final LoadNodes nodes;
    private final LoadProfile profile;
    private final LoadLog log;
    private final RunWindow window;
    private final SplittableRandom random = new SplittableRandom(42);
    private final Map<String, Integer> cycles = new HashMap<>();

    ChromiumPages(LoadNodes nodes, LoadProfile profile, LoadLog log, RunWindow window) {
        this.nodes = nodes;
        this.profile = profile;
        this.log = log;
        this.window = window;
    }

    @Override
    public void run() {
        try (BrowserSession browser = BrowserSession.launch()) {
            List<Clerk> clerks = new ArrayList<>();
            for (int i = 0; i < Math.min(profile.browserPages(), DEMO_CLERKS.size()); i++) {
                ConfigurableApplicationContext node = nodes.node(i);
                String username = DEMO_CLERKS.get(i);
                // Wide enough for the grid's Edit column.
                Page page = browser.newClerkWindow(1600, 800);
                // A machine busy with hundreds of clerks answers a page slower than the tests' 15 s allow.
                page.setDefaultTimeout(PATIENCE.toMillis());
                Clerk clerk = new Clerk(username, LoadNodes.baseUrl(node), node.getBean(JdbcClient.class), page);
                page.navigate(clerk.baseUrl() + "/login");
                signIn(clerk);
                clerks.add(clerk);
            }
            while (window.open()) {
                for (Clerk clerk : clerks) {
                    if (window.open()) {
                        cycle(clerk);
                    }
                }
            }
            clerks.forEach(this::backToGrid);
            clerks.forEach(clerk -> clerk.page().context().close());
        } catch (RuntimeException error) {
            log.unexpected("chromium", "driving the pages", error);
        }
    }

    private void cycle(Clerk clerk) {
        long orderId = 1 + random.nextInt(LoadProfile.BROWSER_ORDERS);
        String number = LockLatency.orderNumber(orderId);
        Page page = clerk.page();
        try {
            long start = System.nanoTime();
            page.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions()
                                    .setName("Edit " + number)
                                    .setExact(true))
                    .click();
            Locator editing = page.locator(".lock-status", new Page.LocatorOptions().setHasText("You are editing"));
            Locator readOnly = page.locator(".lock-banner");
            editing.or(readOnly).first().waitFor();
            log.latency(Operation.PAGE_OPEN, System.nanoTime() - start);
            if (editing.isVisible()) {
                log.expected(Operation.PAGE_OPEN, "editing");
                typeSaveAndClose(clerk, orderId);
            } else {
                log.expected(Operation.PAGE_OPEN, "read-only: another page has it");
                backToGrid(clerk);
            }
            int done = cycles.merge(clerk.username(), 1, Integer::sum);
            if (profile.cyclesPerSession() > 0 && done % profile.cyclesPerSession() == 0) {
                logOutAndIn(clerk);
            }
        } catch (PlaywrightException | AssertionError error) {
            BrowserSession.screenshot(page, "load-" + clerk.username() + "-" + System.currentTimeMillis());
            log.unexpected(clerk.username(), "page cycle on " + number, error);
            backToGrid(clerk);
        }
    }

    private void typeSaveAndClose(Clerk clerk, long orderId) {
        Page page = clerk.page();
        String notes = clerk.username() + " page save " + System.nanoTime();
        page.getByLabel("Notes").fill(notes);
        long start = System.nanoTime();
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Save").setExact(true))
                .click();
        try {
            // Stored means accepted; the page still holds the lock, so the version read is this save's.
            Awaitility.await()
                    .atMost(PATIENCE)
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> notes.equals(storedNotes(clerk, orderId)));
            log.latency(Operation.PAGE_SAVE, System.nanoTime() - start);
            log.accepted(new AcceptedSave(orderId, storedVersion(clerk, orderId), notes, clerk.username()));
            log.expected(Operation.PAGE_SAVE, "saved");
        } catch (ConditionTimeoutException notStored) {
            if (page.getByText("Lock lost").count() > 0) {
                log.expected(Operation.PAGE_SAVE, "lock lost");
            } else {
                log.unexpected(clerk.username(), Operation.PAGE_SAVE, "notes not stored within " + PATIENCE);
            }
        }
        long closing = System.nanoTime();
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Cancel").setExact(true))
                .click();
        page.waitForURL(GRID);
        log.latency(Operation.PAGE_CLOSE, System.nanoTime() - closing);
    }

    private void logOutAndIn(Clerk clerk) {
        Page page = clerk.page();
        long start = System.nanoTime();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out"))
                .click();
        page.waitForURL(Pattern.compile(".*/login$"));
        signIn(clerk);
        log.latency(Operation.SESSION_END, System.nanoTime() - start);
        log.expected(Operation.SESSION_END, "page logged out and in again");
    }

    private void backToGrid(Clerk clerk) {
        Page page = clerk.page();
        try {
            if (!GRID.matcher(page.url()).matches()) {
                page.navigate(clerk.baseUrl() + "/orders");
            }
            page.locator("vaadin-grid.orders-grid").waitFor();
        } catch (PlaywrightException | AssertionError error) {
            log.unexpected(clerk.username(), "going back to the grid", error);
        }
    }

    /** On the login page: signs in as the demo clerk (password = username) and waits for the grid. */
    private static void signIn(Clerk clerk) {
        Page page = clerk.page();
        BrowserSession.logIn(page, clerk.username(), clerk.username());
        page.locator("vaadin-grid.orders-grid").waitFor();
    }

    private static String storedNotes(Clerk clerk, long orderId) {
        return Objects.toString(
                clerk.database()
                        .sql("select notes from orders where id = :id")
                        .param("id", orderId)
                        .query(String.class)
                        .optional()
                        .orElse(null),
                "");
    }

    private static long storedVersion(Clerk clerk, long orderId) {
        return clerk.database()
                .sql("select version from orders where id = :id")
                .param("id", orderId)
                .query(Long.class)
                .single();
    }
}
