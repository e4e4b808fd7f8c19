package org.orderdesk.bench.lockfreed;

import static org.orderdesk.browser.LockLatency.orderNumber;

import com.microsoft.playwright.Page;
import java.util.List;
import org.orderdesk.browser.BrowserSession;
import org.orderdesk.browser.LockLatency;
import org.orderdesk.browser.LockLatency.Clerk;

/**
 * Bob, on the orders grid: for every order he is told to watch, a MutationObserver in his page
 * records {@code Date.now()} the moment its row shows no lock any more. Several orders at once,
 * each timed on its own, so that browsers killed together are still measured one by one. Built
 * on {@link LockLatency#GRID_PROBE}, which finds a row's lock cell.
 */
final class FreeWatcher {

    private static final String FREE_PROBE = """
            window.orderdeskFreed = {
                freedAt: {},
                watched: new Set(),
                observer: null,
                check() {
                    for (const number of this.watched) {
                        if (orderdeskTest.showsNoLock(number)) {
                            this.freedAt[number] = Date.now();
                            this.watched.delete(number);
                        }
                    }
                    if (this.watched.size === 0 && this.observer) {
                        this.observer.disconnect();
                        this.observer = null;
                    }
                },
                watch(number) {
                    const lock = orderdeskTest.lock(number);
                    if (lock === null || !lock.shown) {
                        return false;
                    }
                    delete this.freedAt[number];
                    this.watched.add(number);
                    if (!this.observer) {
                        this.observer = new MutationObserver(() => this.check());
                        this.observer.observe(document.querySelector('vaadin-grid.orders-grid'), {
                            subtree: true, childList: true, attributes: true, characterData: true,
                        });
                    }
                    return true;
                },
                at(number) {
                    return number in this.freedAt ? this.freedAt[number] : null;
                },
            };
            """;

    private final Clerk bob;

    private FreeWatcher(Clerk bob) {
        this.bob = bob;
    }

    /**
     * Bob signed in, in a window tall enough that every order up to {@code lastOrder} is on the
     * grid's first screen, each shown free.
     */
    static FreeWatcher signIn(BrowserSession browser, String baseUrl, long lastOrder) {
        Page page = browser.newClerkWindow(1600, 1400);
        page.context().setDefaultTimeout(LockFreedBenchmark.SETUP_TIMEOUT_MS);
        page.context().addInitScript(FREE_PROBE);
        FreeWatcher watcher = new FreeWatcher(LockLatency.signIn(page, baseUrl, "bob", "Bob"));
        for (long orderId = 1; orderId <= lastOrder; orderId++) {
            LockLatency.awaitFree(watcher.bob, orderId);
        }
        return watcher;
    }

    /** Waits until Bob's grid shows {@code holder}'s lock on the order, then watches for it to go. */
    void watchUntilFree(long orderId, String holder) {
        String number = orderNumber(orderId);
        bob.page().waitForFunction("([n, h]) => orderdeskTest.shows(n, h)", List.of(number, holder));
        if (!Boolean.TRUE.equals(bob.page().evaluate("n => orderdeskFreed.watch(n)", number))) {
            throw new IllegalStateException("Bob's grid does not show " + number + " locked");
        }
    }

    /** When ({@code Date.now()} in Bob's page) his grid showed the order free; fails after {@code timeoutMs}. */
    long awaitFreedAt(long orderId, double timeoutMs) {
        String number = orderNumber(orderId);
        bob.page()
                .waitForFunction(
                        "n => orderdeskFreed.at(n) !== null",
                        number,
                        new Page.WaitForFunctionOptions().setTimeout(timeoutMs));
        return ((Number) bob.page().evaluate("n => orderdeskFreed.at(n)", number)).longValue();
    }

    String browserVersion() {
        return bob.page().context().browser().version();
    }

    void close() {
        bob.page().context().close();
    }
}
