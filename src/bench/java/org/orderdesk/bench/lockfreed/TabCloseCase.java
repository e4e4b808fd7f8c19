package org.orderdesk.bench.lockfreed;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.orderdesk.browser.LockLatency.orderNumber;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.orderdesk.bench.lockfreed.LockEndings.Ending;
import org.orderdesk.browser.BrowserSession;
import org.orderdesk.lock.LockService;
import org.orderdesk.lock.ResourceId;

/**
 * Case (a): Alice, signed in, opens an order's editor in a new tab and closes the tab
 * ({@code page.close} with {@code runBeforeUnload}, as a clerk closing it: pagehide fires, the
 * editor's beacon and Vaadin's unload message go out). Timed from the tab's own pagehide event
 * ({@code Date.now()} in Alice's page, kept in her localStorage and read after the close) to
 * Bob's grid showing the order free.
 */
final class TabCloseCase {

    /** Records when the page was hidden; an init script, so it runs before the editor's own pagehide listener. */
    private static final String PAGEHIDE_PROBE = """
            window.addEventListener('pagehide', () => {
                try {
                    localStorage.setItem('orderdeskPagehideAt', String(Date.now()));
                } catch (e) {
                    // about:blank has no storage
                }
            });
            """;

    /** One close, in ms since the epoch on this machine's clock. */
    record Close(long closeCalledAtMs, double pagehideAtMs, Ending ending, long freedAtMs) {

        double fromPagehide() {
            return freedAtMs - pagehideAtMs;
        }

        double fromCloseCall() {
            return freedAtMs - closeCalledAtMs;
        }

        double closeCallToPagehide() {
            return pagehideAtMs - closeCalledAtMs;
        }

        double pagehideToReleased() {
            return ending.atMs() - pagehideAtMs;
        }

        double releasedToShown() {
            return freedAtMs - ending.atMs();
        }
    }

    private final BrowserSession browser;
    private final String baseUrl;
    private final LockService locks;
    private final LockEndings endings;
    private final FreeWatcher bob;

    TabCloseCase(BrowserSession browser, String baseUrl, LockService locks, LockEndings endings, FreeWatcher bob) {
        this.browser = browser;
        this.baseUrl = baseUrl;
        this.locks = locks;
        this.endings = endings;
        this.bob = bob;
    }

    /** {@code warmUps} unmeasured closes, then {@code runs} measured ones, on {@code orders} in turn. */
    List<Close> run(int warmUps, int runs, long[] orders) throws InterruptedException {
        Page home = browser.newClerkWindow(1600, 800);
        BrowserContext alice = home.context();
        alice.setDefaultTimeout(LockFreedBenchmark.SETUP_TIMEOUT_MS);
        alice.addInitScript(PAGEHIDE_PROBE);
        home.navigate(baseUrl + "/login");
        BrowserSession.logIn(home, "alice", "alice");
        assertThat(home.locator(".current-user")).hasText("Alice");
        // Her first tab stays, away from the app, so that the context lives on between the runs.
        home.navigate("about:blank");
        List<Close> closes = new ArrayList<>();
        try {
            for (int run = 0; run < warmUps + runs; run++) {
                Close close = closeOnce(alice, orders[run % orders.length]);
                if (run >= warmUps) {
                    closes.add(close);
                }
            }
        } finally {
            alice.close();
        }
        return closes;
    }

    private Close closeOnce(BrowserContext alice, long orderId) throws InterruptedException {
        Page tab = alice.newPage();
        tab.navigate(baseUrl + "/orders/" + orderId + "/edit");
        assertThat(tab.getByRole(
                        AriaRole.HEADING, new Page.GetByRoleOptions().setName("Edit order " + orderNumber(orderId))))
                .isVisible();
        assertThat(tab.locator(".lock-status")).containsText("You are editing");
        long token = locks.find(ResourceId.order(orderId)).orElseThrow().token();
        bob.watchUntilFree(orderId, "Alice");

        long closeCalledAt = System.currentTimeMillis();
        tab.close(new Page.CloseOptions().setRunBeforeUnload(true));
        long freedAt = bob.awaitFreedAt(orderId, 15_000);
        Ending ending = endings.await(token, Duration.ofSeconds(5));
        return new Close(closeCalledAt, pagehideAt(alice, closeCalledAt), ending, freedAt);
    }

    /** The closed tab's pagehide time from Alice's localStorage; NaN if it did not record one for this close. */
    private static double pagehideAt(BrowserContext alice, long closeCalledAt) {
        JsonElement state = JsonParser.parseString(alice.storageState());
        for (JsonElement origin : state.getAsJsonObject().getAsJsonArray("origins")) {
            for (JsonElement item : origin.getAsJsonObject().getAsJsonArray("localStorage")) {
                if (item.getAsJsonObject().get("name").getAsString().equals("orderdeskPagehideAt")) {
                    double at = Double.parseDouble(
                            item.getAsJsonObject().get("value").getAsString());
                    // A value older than the close call is a previous run's: this tab recorded none.
                    return at >= closeCalledAt - 5 ? at : Double.NaN;
                }
            }
        }
        return Double.NaN;
    }
}
