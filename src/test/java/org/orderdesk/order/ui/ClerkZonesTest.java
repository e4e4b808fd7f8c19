package org.orderdesk.order.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.orderdesk.lock.LockInfo;
import org.orderdesk.lock.ResourceId;
import org.orderdesk.order.OrderService;
import org.orderdesk.order.OrderSummary;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Clerks in different zones see the same lock at the same moment, each in their own time of day:
 * in the lock banner, the editor's status bar and the Locks view's grid, also when the lock
 * reaches them by push, which runs in the receiving clerk's tab whoever took the lock.
 */
class ClerkZonesTest extends ClerksTest {

    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final Pattern SINCE_AND_END =
            Pattern.compile("since \\d\\d:\\d\\d:\\d\\d — lock ends \\d\\d:\\d\\d:\\d\\d");

    @Autowired
    OrderService orders;

    @Test
    void aLockPushedToClerksInThreeZonesReadsInEachClerksOwnTime() {
        BrowserlessUIContext bob = signIn("bob", AUCKLAND);
        bob.navigate("orders/1031", OrderView.class);
        BrowserlessUIContext sam = signIn("sam", NEW_YORK);
        sam.navigate("orders/1031", OrderView.class);
        BrowserlessUIContext samsLocksTab = newTab(sam, NEW_YORK);
        samsLocksTab.navigate("locks", Component.class);
        BrowserlessUIContext alice = signIn("alice", KOLKATA);

        alice.navigate("orders/1031/edit", OrderEditorView.class);
        deliverPushes();

        LockInfo lock = locks.find(ResourceId.order(1031)).orElseThrow();
        assertThat(bannerTimes(bob)).isEqualTo(sinceAndEnd(lock, AUCKLAND));
        assertThat(bannerTimes(sam)).isEqualTo(sinceAndEnd(lock, NEW_YORK));
        assertThat(liveLockTimes(samsLocksTab)).isEqualTo(sinceAndEnd(lock, NEW_YORK));
        alice.activate();
        assertThat(alice.find(Span.class).withClassName("lock-ends").single().getText())
                .isEqualTo(TIME.format(lock.expiresAt().atZone(KOLKATA)));
        assertThat(bannerTimes(bob))
                .as("the moment is the same, only its time of day differs")
                .isNotEqualTo(bannerTimes(sam));
    }

    @Test
    void theGridShowsWhenAnOrderChangedInEachClerksTimeAndItsOrderDateAlike() {
        BrowserlessUIContext bob = signIn("bob", AUCKLAND);
        bob.navigate(OrdersView.class);
        BrowserlessUIContext carol = signIn("carol", NEW_YORK);
        carol.navigate(OrdersView.class);

        Instant changedAt = orders.findWithLines(1L).orElseThrow().getLastChangedAt();
        DateTimeFormatter minutes = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        assertThat(gridCell(bob, "lastChangedAt")).isEqualTo(minutes.format(changedAt.atZone(AUCKLAND)));
        assertThat(gridCell(carol, "lastChangedAt")).isEqualTo(minutes.format(changedAt.atZone(NEW_YORK)));
        assertThat(gridCell(bob, "orderDate")).isEqualTo(gridCell(carol, "orderDate"));
    }

    /** A clerk whose browser is set to {@code zone}, signed in, with one window. */
    private BrowserlessUIContext signIn(String username, ZoneId zone) {
        return inZone(signIn(username), zone);
    }

    private BrowserlessUIContext newTab(BrowserlessUIContext window, ZoneId zone) {
        return inZone(newTab(window), zone);
    }

    /** What the browser sends with the request that opens a tab, before any view shows a time. */
    private static BrowserlessUIContext inZone(BrowserlessUIContext window, ZoneId zone) {
        Map<String, String> sent = Map.of(
                "v-tzid", zone.getId(), "v-wn", "window-" + window.getUI().getUIId());
        ExtendedClientDetails.updateFromValues(window.getUI(), sent::get);
        return window;
    }

    private static String sinceAndEnd(LockInfo lock, ZoneId zone) {
        return "since " + TIME.format(lock.acquiredAt().atZone(zone)) + " — lock ends "
                + TIME.format(lock.expiresAt().atZone(zone));
    }

    /** "since 22:00:00 — lock ends 22:02:00", as the banner in {@code window} says it. */
    private static String bannerTimes(BrowserlessUIContext window) {
        String banner = Screens.banner(window);
        Matcher times = SINCE_AND_END.matcher(banner);
        assertThat(times.find()).as(banner).isTrue();
        return times.group();
    }

    /** The Locks view's first row as "since … — lock ends …". */
    @SuppressWarnings("unchecked")
    private static String liveLockTimes(BrowserlessUIContext window) {
        window.activate();
        GridTester<?, ?> grid =
                window.test(window.find(Grid.class).withClassName("live-locks").single());
        return "since " + grid.getCellText(0, grid.getColumnPosition("since")) + " — lock ends "
                + grid.getCellText(0, grid.getColumnPosition("ends"));
    }

    /** The cell of order OD-000001, the grid's first row, in the column {@code key}. */
    private static String gridCell(BrowserlessUIContext window, String key) {
        window.activate();
        GridTester<Grid<OrderSummary>, OrderSummary> grid = window.test(Screens.ordersGrid(window));
        assertThat(grid.getRow(0).id()).isEqualTo(1L);
        return grid.getCellText(0, grid.getColumnPosition(key));
    }
}
