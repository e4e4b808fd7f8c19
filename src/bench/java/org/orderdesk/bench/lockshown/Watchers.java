package org.orderdesk.bench.lockshown;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.WaitUntilState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.orderdesk.browser.BrowserSession;
import org.orderdesk.browser.LockLatency;
import org.orderdesk.browser.LockLatency.Clerk;

/**
 * The watching clerks' windows, signed in on each node, each in a browser context of its own. Only
 * the measured case's watchers show the orders grid; every other window is parked on {@code
 * about:blank}, where its UI is closed and gets no pushes, so that it costs nothing meanwhile.
 */
final class Watchers {

    /** Clerk names; the first is the watcher of the one-watcher cases. */
    static final List<String> USERNAMES =
            List.of("bob", "clerk2", "clerk3", "clerk4", "clerk5", "clerk6", "clerk7", "clerk8");

    /** Up to eight pages load at once, on a loaded machine too. */
    private static final double LOAD_TIMEOUT_MS = 60_000;

    private final Map<String, String> baseUrlByNode;
    private final Map<String, List<Clerk>> windowsByNode;
    private final List<Clerk> shown = new ArrayList<>();

    private Watchers(Map<String, String> baseUrlByNode, Map<String, List<Clerk>> windowsByNode) {
        this.baseUrlByNode = baseUrlByNode;
        this.windowsByNode = windowsByNode;
    }

    /** Signs {@code count} watchers in on each node (node name to base URL), all parked afterwards. */
    static Watchers signIn(BrowserSession browser, Map<String, String> baseUrlByNode, int count) {
        Map<String, List<Clerk>> windows = new TreeMap<>();
        baseUrlByNode.forEach((node, baseUrl) -> {
            List<Clerk> clerks = new ArrayList<>();
            for (String username : USERNAMES.subList(0, count)) {
                Clerk clerk =
                        LockLatency.signIn(browser.newClerkWindow(1600, 800), baseUrl, username, displayName(username));
                park(clerk);
                clerks.add(clerk);
            }
            windows.put(node, clerks);
        });
        return new Watchers(baseUrlByNode, windows);
    }

    static String displayName(String username) {
        return username.equals("bob") ? "Bob" : "Clerk " + username.substring("clerk".length());
    }

    /**
     * Shows the grid in exactly {@code measured}'s watchers' windows, every {@code orders} free in
     * them; parks the windows shown before that it does not need.
     */
    List<Clerk> show(LockShownCase measured, long[] orders) {
        String node = measured.node();
        List<Clerk> wanted = windowsByNode.get(node).subList(0, measured.watchers());
        for (Clerk clerk : List.copyOf(shown)) {
            if (!wanted.contains(clerk)) {
                park(clerk);
                shown.remove(clerk);
            }
        }
        List<Clerk> loading =
                wanted.stream().filter(clerk -> !shown.contains(clerk)).toList();
        // All pages load at once; each is waited for after.
        loading.forEach(clerk -> clerk.page()
                .navigate(
                        baseUrlByNode.get(node) + "/orders",
                        new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT)));
        for (Clerk clerk : loading) {
            assertThat(clerk.page().locator("vaadin-grid.orders-grid"))
                    .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(LOAD_TIMEOUT_MS));
            shown.add(clerk);
        }
        for (Clerk clerk : wanted) {
            for (long orderId : orders) {
                LockLatency.awaitFree(clerk, orderId);
            }
        }
        return List.copyOf(wanted);
    }

    void close() {
        windowsByNode.values().stream()
                .flatMap(List::stream)
                .forEach(clerk -> clerk.page().context().close());
    }

    /** Leaves the grid: the page's UI closes and gets no more pushes. */
    private static void park(Clerk clerk) {
        clerk.page().navigate("about:blank");
    }
}
