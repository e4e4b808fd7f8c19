package org.orderdesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.orderdesk.browser.BrowserSession.screenshot;
import static org.orderdesk.browser.LockLatency.orderNumber;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.orderdesk.browser.LockLatency.Clerk;
import org.orderdesk.browser.LockLatency.Summary;
import org.orderdesk.lock.LockService;
import org.orderdesk.lock.ResourceId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Real Chromium, two clerks: a lock one clerk takes shows up live in the other clerk's grid. With
 * the default lock timings and the sweeper on (its own application context, so no other browser
 * test's locks are around). Each test uses its own orders.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "orderdesk.lock.sweeper-enabled=true")
@ActiveProfiles("test")
class LiveLocksBrowserIT extends BrowserTest {

    static {
        // The screenshot test composes two PNGs with java.awt: never look for a display.
        System.setProperty("java.awt.headless", "true");
    }

    /** Measured runs of "lock taken in A, shown in B's grid", after one warm-up run. */
    private static final int RUNS = 24;

    /** The orders the latency runs take turns on: all on the grid's first screen. */
    private static final long[] LATENCY_ORDERS = {4, 6, 8, 10, 12};

    /** CI fails only above this; the 100 ms goal is the benchmarks' business (docs/benchmarks.md). */
    private static final long P95_LIMIT_MS = 1_000;

    /**
     * README's screenshot changes only when asked for ({@code -Dscreenshot.refresh=true}); every
     * other run writes the same picture under target/, so that a test run leaves docs/ alone.
     */
    private static final Path SIDE_BY_SIDE = Boolean.getBoolean("screenshot.refresh")
            ? Paths.get("docs", "two-clerks.png")
            : Paths.get("target", "screenshots", "two-clerks.png");

    @Autowired
    LockService locks;

    /**
     * Alice opens an order's editor from her grid, Bob watches his grid. Each run measures from
     * the lock's acquiredAt (server clock) to the moment a MutationObserver in Bob's page sees the
     * row show "Alice" (browser clock, {@code Date.now()}): one machine, one system clock. Prints
     * p50 / p95 / max; fails only above 1 s p95, the 100 ms goal is measured by the benchmarks.
     */
    @Test
    void aLockAliceTakesShowsInBobsGridWellWithinASecond() {
        // Wide enough for the whole grid: at 1280 px the Edit column starts out of sight, and a
        // click that first scrolls the grid sideways lands where the button was before the scroll.
        Clerk alice = signedIn("alice", "Alice", 1600, 800);
        Clerk bob = signedIn("bob", "Bob", 1600, 800);
        for (long orderId : LATENCY_ORDERS) {
            LockLatency.awaitFree(bob, orderId);
        }

        LockLatency latency = new LockLatency(locks);
        long warmUp =
                latency.lockShownAfterMs(alice, List.of(bob), LATENCY_ORDERS[0]).getFirst();
        long started = System.nanoTime();
        List<Long> samples = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            samples.add(latency.lockShownAfterMs(alice, List.of(bob), LATENCY_ORDERS[run % LATENCY_ORDERS.length])
                    .getFirst());
        }
        long tookMs = Duration.ofNanos(System.nanoTime() - started).toMillis();

        Summary summary = Summary.of(samples);
        long p50 = summary.p50();
        long p95 = summary.p95();
        long max = summary.max();
        System.out.printf(
                Locale.ROOT,
                "Lock shown in the other clerk's grid after: p50 %d ms, p95 %d ms, max %d ms (n=%d)%n",
                p50,
                p95,
                max,
                samples.size());
        System.out.printf(
                Locale.ROOT,
                "  samples in run order (ms): %s; warm-up run %d ms, not counted; %d runs took %.1f s%n",
                samples,
                warmUp,
                samples.size(),
                tookMs / 1000.0);
        assertThat(p95)
                .as("p95 of lock taken in one clerk's browser to shown in the other's grid, in ms")
                .isLessThan(P95_LIMIT_MS);
    }

    @Test
    void theCountdownInBobsGridCountsDownInTheBrowserAndAlicesOtherTabReadsYouOtherTab() {
        long orderId = 15;
        String number = orderNumber(orderId);
        Page alice = clerk("alice", "Alice");
        Page bob = clerk("bob", "Bob");
        edit(alice, orderId);

        awaitLockShown(bob, number, "Alice");
        Map<?, ?> first = lockCell(bob, number);
        int firstSeconds = seconds(first.get("countdown"));
        // Within the 2 min lease, and no further off the server's lease than the rounding up to a second.
        long serverSecondsLeft = Duration.between(
                        Instant.now(),
                        locks.find(ResourceId.order(orderId)).orElseThrow().expiresAt())
                .toSeconds();
        assertThat(firstSeconds).isBetween((int) serverSecondsLeft - 1, (int) serverSecondsLeft + 2);

        bob.waitForFunction(
                "([n, s]) => orderdeskTest.seconds(orderdeskTest.lock(n).countdown) < s",
                List.of(number, firstSeconds),
                new Page.WaitForFunctionOptions().setTimeout(3_000));
        Map<?, ?> later = lockCell(bob, number);
        assertThat(seconds(later.get("countdown"))).isLessThan(firstSeconds);
        assertThat(later.get("end"))
                .as("the lock's end as the server sent it: the browser counted down by itself")
                .isEqualTo(first.get("end"));
        assertThat(later.get("holder")).isEqualTo("Alice");

        Page aliceGrid = browser.newTabOf(alice);
        aliceGrid.navigate(url("/orders"));
        awaitLockShown(aliceGrid, number, "you, other tab");
        screenshot(aliceGrid, "grid-you-other-tab");

        Page aliceElsewhere = clerk("alice", "Alice");
        awaitLockShown(aliceElsewhere, number, "you");
    }

    @Test
    void savesAliceEditingAndBobSeeingHerLockSideBySide() throws IOException {
        long orderId = 3;
        Page alice = clerk("alice", "Alice", 1000, 640);
        Page bob = clerk("bob", "Bob", 1000, 640);
        edit(alice, orderId);
        Locator notes = alice.getByLabel("Notes");
        notes.fill("Customer called: deliver to the loading dock, not to reception");
        // Leaving the field sends the value; the editor then marks itself unsaved.
        notes.blur();
        assertThat(alice.locator(".order-editor[unsaved]")).isAttached();

        awaitLockShown(bob, orderNumber(orderId), "Alice");
        // Let the countdowns in both windows tick past the first second, as a clerk would see them.
        bob.waitForFunction("n => orderdeskTest.seconds(orderdeskTest.lock(n).countdown) < 119", orderNumber(orderId));
        BufferedImage aliceShot = image(screenshot(alice, "two-clerks-alice"));
        BufferedImage bobShot = image(screenshot(bob, "two-clerks-bob"));

        BufferedImage sideBySide = sideBySide(
                aliceShot,
                "alice — editing " + orderNumber(orderId),
                bobShot,
                "bob — sees her lock live in the orders grid");
        Files.createDirectories(SIDE_BY_SIDE.getParent());
        ImageIO.write(sideBySide, "png", SIDE_BY_SIDE.toFile());

        BufferedImage saved = ImageIO.read(SIDE_BY_SIDE.toFile());
        assertThat(saved.getWidth()).isGreaterThan(aliceShot.getWidth() + bobShot.getWidth());
        assertThat(saved.getHeight()).isGreaterThan(aliceShot.getHeight());
        System.out.printf(
                Locale.ROOT,
                "Saved %s (%d x %d px, %d bytes)%n",
                SIDE_BY_SIDE.toAbsolutePath(),
                saved.getWidth(),
                saved.getHeight(),
                Files.size(SIDE_BY_SIDE));
    }

    private static void awaitLockShown(Page page, String number, String holder) {
        page.waitForFunction("([n, h]) => orderdeskTest.shows(n, h)", List.of(number, holder));
    }

    private static Map<?, ?> lockCell(Page page, String number) {
        return (Map<?, ?>) page.evaluate("n => orderdeskTest.lock(n)", number);
    }

    private Page clerk(String username, String displayName) {
        return clerk(username, displayName, 1280, 800);
    }

    private Page clerk(String username, String displayName, int width, int height) {
        return signedIn(username, displayName, width, height).page();
    }

    /** A new browser profile, logged in and on the orders grid: one clerk with their own session. */
    private Clerk signedIn(String username, String displayName, int width, int height) {
        Page page = browser.newClerkWindow(width, height);
        opened.add(page.context());
        Clerk clerk = LockLatency.signIn(page, url(""), username, displayName);
        assertThat(page.locator(".match-count")).hasText("2,000 orders");
        return clerk;
    }

    /** Two windows next to each other on a light background, each with a caption above it. */
    private static BufferedImage sideBySide(
            BufferedImage left, String leftCaption, BufferedImage right, String rightCaption) {
        int margin = 16;
        int gap = 16;
        int captionHeight = 30;
        int width = margin + left.getWidth() + gap + right.getWidth() + margin;
        int height = margin + captionHeight + Math.max(left.getHeight(), right.getHeight()) + margin;
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(0xE9, 0xEC, 0xF0));
            g.fillRect(0, 0, width, height);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
            int top = margin + captionHeight;
            int rightX = margin + left.getWidth() + gap;
            g.setColor(new Color(0x1A, 0x27, 0x3A));
            g.drawString(leftCaption, margin + 2, margin + 19);
            g.drawString(rightCaption, rightX + 2, margin + 19);
            g.drawImage(left, margin, top, null);
            g.drawImage(right, rightX, top, null);
            g.setColor(new Color(0xB8, 0xBF, 0xC8));
            g.setStroke(new BasicStroke(1));
            g.drawRect(margin - 1, top - 1, left.getWidth() + 1, left.getHeight() + 1);
            g.drawRect(rightX - 1, top - 1, right.getWidth() + 1, right.getHeight() + 1);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static BufferedImage image(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    /** "1:58" is 118. */
    private static int seconds(Object countdown) {
        String[] parts = String.valueOf(countdown).trim().split(":");
        return Integer.parseInt(parts[0]) * 60 + Integer.parseInt(parts[1]);
    }
}
