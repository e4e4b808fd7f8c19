package org.orderdesk.bench.lockfreed;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.orderdesk.browser.LockLatency.orderNumber;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.orderdesk.bench.lockfreed.LockEndings.Ending;
import org.orderdesk.browser.BrowserSession;
import org.orderdesk.lock.LockInfo;
import org.orderdesk.lock.LockService;
import org.orderdesk.lock.ResourceId;

/**
 * Case (b): Alice's whole browser dies (SIGKILL to its processes) while she edits. Nothing tells
 * the server; her lock lapses at the end of its lease and the sweeper removes it. Each batch is a
 * Chromium of its own with several Alices (one browser profile each, each editing another order),
 * killed at once; the next batch starts while the previous one's leases run out, so batches
 * overlap. Each order is timed on its own, from the kill to Bob's grid showing it free.
 */
final class BrowserKillCase {

    /** One order of a killed browser, in ms since the epoch on this machine's clock. */
    record Kill(long killedAtMs, Instant expiresAtAtKill, Ending ending, long freedAtMs) {

        /** The lease's end: the sweeper's record of it, which a renewal still in flight at the kill would move. */
        Instant leaseEnd() {
            return ending.leaseEnd() != null ? ending.leaseEnd() : expiresAtAtKill;
        }

        double killToFree() {
            return freedAtMs - killedAtMs;
        }

        double killToLeaseEnd() {
            return leaseEnd().toEpochMilli() - killedAtMs;
        }

        double leaseEndToFree() {
            return freedAtMs - leaseEnd().toEpochMilli();
        }

        double leaseEndToSwept() {
            return ending.atMs() - leaseEnd().toEpochMilli();
        }

        double sweptToShown() {
            return freedAtMs - ending.atMs();
        }
    }

    private record Editing(long orderId, long token) {}

    private final Playwright playwright;
    private final String baseUrl;
    private final LockService locks;
    private final LockEndings endings;
    private final FreeWatcher bob;
    private final Consumer<String> progress;

    BrowserKillCase(
            Playwright playwright,
            String baseUrl,
            LockService locks,
            LockEndings endings,
            FreeWatcher bob,
            Consumer<String> progress) {
        this.playwright = playwright;
        this.baseUrl = baseUrl;
        this.locks = locks;
        this.endings = endings;
        this.bob = bob;
        this.progress = progress;
    }

    /**
     * {@code batches} browsers of {@code perBatch} Alices each, on orders {@code firstOrder},
     * {@code firstOrder + 1}, …; waits at most {@code patience} after the last kill for the last
     * order to show free.
     */
    List<Kill> run(int batches, int perBatch, long firstOrder, Duration patience)
            throws IOException, InterruptedException {
        List<Editing> editing = new ArrayList<>();
        List<Long> killedAt = new ArrayList<>();
        List<Instant> expiresAt = new ArrayList<>();
        long orderId = firstOrder;
        for (int batch = 0; batch < batches; batch++) {
            KillableChromium chromium = KillableChromium.launch(playwright);
            List<Editing> batchEditing = new ArrayList<>();
            try {
                for (int alice = 0; alice < perBatch; alice++) {
                    batchEditing.add(edit(chromium.browser(), orderId++));
                }
                long killed = chromium.kill();
                for (Editing each : batchEditing) {
                    // Read at once after the kill, as the brief asks; a renewal in flight is caught by the sweeper's
                    // record.
                    LockInfo lock = locks.find(ResourceId.order(each.orderId())).orElseThrow();
                    expiresAt.add(lock.expiresAt());
                    killedAt.add(killed);
                }
                editing.addAll(batchEditing);
                progress.accept("killed browser " + (batch + 1) + " of " + batches + " with " + perBatch + " editors");
            } finally {
                chromium.cleanUp();
            }
        }
        List<Kill> kills = new ArrayList<>();
        long lastKill = killedAt.getLast();
        for (int i = 0; i < editing.size(); i++) {
            Editing each = editing.get(i);
            double left = Math.max(1_000, lastKill + patience.toMillis() - System.currentTimeMillis());
            long freedAt = bob.awaitFreedAt(each.orderId(), left);
            Ending ending = endings.await(each.token(), Duration.ofSeconds(5));
            kills.add(new Kill(killedAt.get(i), expiresAt.get(i), ending, freedAt));
        }
        return kills;
    }

    /** A new Alice (a browser profile of her own) signs in and opens the order's editor. */
    private Editing edit(Browser browser, long orderId) {
        Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800))
                .newPage();
        page.setDefaultTimeout(LockFreedBenchmark.SETUP_TIMEOUT_MS);
        page.navigate(baseUrl + "/login");
        BrowserSession.logIn(page, "alice", "alice");
        assertThat(page.locator(".current-user")).hasText("Alice");
        page.navigate(baseUrl + "/orders/" + orderId + "/edit");
        assertThat(page.getByRole(
                        AriaRole.HEADING, new Page.GetByRoleOptions().setName("Edit order " + orderNumber(orderId))))
                .isVisible();
        assertThat(page.locator(".lock-status")).containsText("You are editing");
        long token = locks.find(ResourceId.order(orderId)).orElseThrow().token();
        bob.watchUntilFree(orderId, "Alice");
        return new Editing(orderId, token);
    }
}
