package org.orderdesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.orderdesk.browser.BrowserSession.logIn;
import static org.orderdesk.browser.BrowserSession.screenshot;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.orderdesk.lock.LockInfo;
import org.orderdesk.lock.LockService;
import org.orderdesk.lock.ResourceId;

/**
 * "Lock taken in one clerk's browser, shown in other clerks' grids", in real Chromium: the probe
 * installed in every clerk's page, signing a clerk in to the orders grid, one measured run, and
 * percentiles. Shared by {@code LiveLocksBrowserIT} (which asserts a ceiling) and {@code
 * org.orderdesk.bench.lockshown.LockShownBenchmark} (which measures against the 100 ms goal).
 */
public final class LockLatency {

    /**
     * Installed in every page: finds a grid row by its order number through the grid's shadow DOM
     * (the cells are slotted, so only the slot knows which row a cell belongs to), reads its lock
     * cell, and watches the row for a lock to show, recording when it did with the page's clock.
     */
    public static final String GRID_PROBE = """
            window.orderdeskTest = {
                shownAt: null,
                observer: null,
                clickedAt: null,
                clickedPerf: null,
                clickListener: null,
                lockCell(number) {
                    const grid = document.querySelector('vaadin-grid.orders-grid');
                    if (!grid) {
                        return null;
                    }
                    for (const content of grid.querySelectorAll('vaadin-grid-cell-content')) {
                        if (content.textContent.trim() !== number || !content.assignedSlot) {
                            continue;
                        }
                        const row = content.assignedSlot.closest('tr');
                        if (!row || row.hidden) {
                            continue;
                        }
                        for (const slot of row.querySelectorAll('slot')) {
                            for (const element of slot.assignedElements()) {
                                const cell = element.querySelector('.lock-cell');
                                if (cell) {
                                    return cell;
                                }
                            }
                        }
                    }
                    return null;
                },
                lock(number) {
                    const cell = this.lockCell(number);
                    if (!cell) {
                        return null;
                    }
                    const holder = cell.querySelector('.lock-holder');
                    const countdown = cell.querySelector('od-countdown');
                    return {
                        shown: !cell.hidden,
                        holder: holder ? holder.textContent : '',
                        countdown: countdown ? countdown.textContent : '',
                        end: countdown ? countdown.getAttribute('end') || '' : '',
                    };
                },
                shows(number, holder) {
                    const lock = this.lock(number);
                    return lock !== null && lock.shown && lock.holder === holder;
                },
                showsNoLock(number) {
                    const lock = this.lock(number);
                    return lock !== null && !lock.shown;
                },
                seconds(countdown) {
                    const [minutes, seconds] = countdown.split(':').map(Number);
                    return minutes * 60 + seconds;
                },
                /**
                 * Records Date.now() at the next click in this page, in a capture-phase listener on
                 * the window: before any of the page's own listeners hears of the click. Also
                 * forgets the requests timed so far (the browser keeps 250 at most).
                 */
                armClick() {
                    this.clickedAt = null;
                    this.clickedPerf = null;
                    performance.clearResourceTimings();
                    if (!this.clickListener) {
                        this.clickListener = () => {
                            if (this.clickedAt === null) {
                                this.clickedAt = Date.now();
                                this.clickedPerf = performance.now();
                            }
                        };
                        window.addEventListener('click', this.clickListener, true);
                    }
                },
                /**
                 * When the first request to the server after the click (Vaadin's UIDL request) was
                 * sent, on the Date.now() scale of clickedAt; null if none was timed.
                 */
                requestSentAfterClick() {
                    if (this.clickedAt === null) {
                        return null;
                    }
                    const sent = performance.getEntriesByType('resource')
                        .filter(entry => entry.name.includes('v-r=uidl') && entry.startTime >= this.clickedPerf)
                        .map(entry => entry.startTime)
                        .sort((a, b) => a - b);
                    return sent.length === 0 ? null : this.clickedAt + (sent[0] - this.clickedPerf);
                },
                /** Records Date.now() the moment the row shows holder's lock; false if it shows one already. */
                watch(number, holder) {
                    if (this.observer) {
                        this.observer.disconnect();
                    }
                    this.shownAt = null;
                    if (!this.showsNoLock(number)) {
                        return false;
                    }
                    this.observer = new MutationObserver(() => {
                        if (this.shownAt === null && this.shows(number, holder)) {
                            this.shownAt = Date.now();
                            this.observer.disconnect();
                        }
                    });
                    this.observer.observe(document.querySelector('vaadin-grid.orders-grid'), {
                        subtree: true,
                        childList: true,
                        attributes: true,
                        characterData: true,
                    });
                    return true;
                },
            };
            """;

    /** One clerk's window, signed in: {@code displayName} is what other clerks' grids show as holder. */
    public record Clerk(String username, String displayName, Page page) {}

    /** Nearest-rank percentiles of a set of samples, in ms. */
    public record Summary(int n, long p50, long p95, long max) {

        public static Summary of(List<Long> samples) {
            List<Long> sorted = samples.stream().sorted().toList();
            return new Summary(sorted.size(), percentile(sorted, 50), percentile(sorted, 95), sorted.getLast());
        }
    }

    /**
     * One run as measured, all in ms since the epoch on this machine's one clock: when the taker
     * clicked Edit (a capture-phase listener in the taker's page, {@code Date.now()}), when the
     * taker's page sent the request that click made (its resource timing; NaN if not timed), the
     * lock the editor took (read before the taker cancelled), and when each watcher's grid showed
     * it ({@code Date.now()} in each watcher's page, in the order of the watchers given).
     */
    public record Run(long clickedAtMs, double requestSentAtMs, LockInfo lock, List<Long> shownAtMs) {}

    private final LockService locks;

    public LockLatency(LockService locks) {
        this.locks = locks;
    }

    /**
     * Installs {@link #GRID_PROBE} in every page of {@code page}'s browser context, signs {@code
     * username} in (password = username, as the demo users have it) and waits for the orders grid.
     *
     * @param baseUrl the app, such as {@code http://localhost:8080}
     */
    public static Clerk signIn(Page page, String baseUrl, String username, String displayName) {
        page.context().addInitScript(GRID_PROBE);
        page.navigate(baseUrl + "/login");
        logIn(page, username, username);
        assertThat(page.locator(".current-user")).hasText(displayName);
        assertThat(page.locator("vaadin-grid.orders-grid")).isVisible();
        return new Clerk(username, displayName, page);
    }

    /** Waits until {@code watcher}'s grid shows the order free (its row rendered, no lock). */
    public static void awaitFree(Clerk watcher, long orderId) {
        watcher.page().waitForFunction("n => orderdeskTest.showsNoLock(n)", orderNumber(orderId));
    }

    /**
     * One run: {@code taker} opens the order's editor from their grid, which takes the lock;
     * returns, for each watcher in order, how many ms after the lock's acquiredAt (server clock)
     * a MutationObserver in the watcher's page saw the row show the taker ({@code Date.now()}, the
     * browser's clock; both are this machine's). Then the taker cancels and the run waits until
     * every watcher's grid shows the order free again and the lock is gone.
     */
    public List<Long> lockShownAfterMs(Clerk taker, List<Clerk> watchers, long orderId) {
        Run run = lockTaken(taker, watchers, orderId);
        long acquiredAt = run.lock().acquiredAt().toEpochMilli();
        return run.shownAtMs().stream().map(at -> at - acquiredAt).toList();
    }

    /**
     * One run, as {@link #lockShownAfterMs} makes it, with the times themselves: also when the
     * taker clicked, for measuring from the browser event that starts it all rather than from the
     * server's {@code acquiredAt} (which a node on a test clock does not have).
     */
    public Run lockTaken(Clerk taker, List<Clerk> watchers, long orderId) {
        String number = orderNumber(orderId);
        for (Clerk watcher : watchers) {
            assertThat(watcher.page()
                            .evaluate("([n, h]) => orderdeskTest.watch(n, h)", List.of(number, taker.displayName())))
                    .as(
                            "%s's grid shows %s, free, before %s takes it",
                            watcher.displayName(), number, taker.displayName())
                    .isEqualTo(true);
        }

        Page takerPage = taker.page();
        takerPage.evaluate("() => orderdeskTest.armClick()");
        takerPage
                .getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Edit " + number).setExact(true))
                .click();

        List<Long> shownAt = new ArrayList<>();
        for (Clerk watcher : watchers) {
            shownAt.add(awaitShownAt(taker, watcher, orderId));
        }
        LockInfo lock = locks.find(ResourceId.order(orderId)).orElseThrow();
        assertThat(lock.holder().username()).isEqualTo(taker.username());
        Object clickedAt = takerPage.evaluate("() => orderdeskTest.clickedAt");
        assertThat(clickedAt)
                .as("%s's click, as the page saw it (the editor opens without a page load)", taker.displayName())
                .isInstanceOf(Number.class);

        assertThat(takerPage.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Edit order " + number)))
                .isVisible();
        // Timed once answered, which the editor's heading shows.
        Object requestSentAt = takerPage.evaluate("() => orderdeskTest.requestSentAfterClick()");
        takerPage
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel"))
                .click();
        assertThat(takerPage).hasURL(Pattern.compile(".*/orders$"));
        for (Clerk watcher : watchers) {
            awaitFree(watcher, orderId);
        }
        await().atMost(Duration.ofSeconds(2))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> locks.find(ResourceId.order(orderId)).isEmpty());
        return new Run(
                ((Number) clickedAt).longValue(),
                requestSentAt instanceof Number sent ? sent.doubleValue() : Double.NaN,
                lock,
                List.copyOf(shownAt));
    }

    /** When (browser {@code Date.now()}) {@code watcher}'s grid showed the lock; fails after 5 s. */
    private long awaitShownAt(Clerk taker, Clerk watcher, long orderId) {
        String number = orderNumber(orderId);
        Page page = watcher.page();
        try {
            page.waitForFunction(
                    "() => orderdeskTest.shownAt !== null", null, new Page.WaitForFunctionOptions().setTimeout(5_000));
        } catch (TimeoutError notShown) {
            screenshot(page, "latency-timeout-" + watcher.username());
            screenshot(taker.page(), "latency-timeout-" + taker.username());
            throw new AssertionError(
                    watcher.displayName() + "'s grid did not show " + number + " locked; server lock "
                            + locks.find(ResourceId.order(orderId))
                            + "; " + watcher.displayName() + "'s row "
                            + page.evaluate("n => orderdeskTest.lock(n)", number) + "; " + taker.displayName()
                            + " at " + taker.page().url(),
                    notShown);
        }
        return ((Number) page.evaluate("() => orderdeskTest.shownAt")).longValue();
    }

    /** Nearest rank: the smallest sample with at least {@code percent}% of the samples at or below it. */
    public static long percentile(List<Long> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    /** Order 3 is "OD-000003", as the grid shows it. */
    public static String orderNumber(long orderId) {
        return String.format(Locale.ROOT, "OD-%06d", orderId);
    }
}
