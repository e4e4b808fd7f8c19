package org.orderdesk.order.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orderdesk.lock.AcquireOutcome.Acquired;
import org.orderdesk.lock.LockBreaks;
import org.orderdesk.lock.LockHold;
import org.orderdesk.lock.LockHolder;
import org.orderdesk.lock.LockTakeOvers;
import org.orderdesk.lock.LockUser;
import org.orderdesk.lock.ResourceId;
import org.orderdesk.ui.Formats;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every clerk sees, on the read-only order, who held it, from when to when and how each hold
 * ended, newest first, a page at a time, and a hold that begins or ends appears at once.
 */
class OrderHistoryTest extends ClerksTest {

    private static final long ORDER = 701;
    private static final ResourceId RESOURCE = ResourceId.order(ORDER);
    private static final long BUSY_ORDER = 702;
    private static final LockUser SAM = new LockUser("sam", "Sam");

    @Autowired
    LockTakeOvers takeOvers;

    @Autowired
    LockBreaks breaks;

    @BeforeEach
    void theOrdersHaveNoHistoryYet() {
        jdbc.sql("delete from lock_audit where resource_id in (:orders)")
                .param("orders", List.of(ORDER, BUSY_ORDER))
                .update();
    }

    @Test
    void aClerkSeesEachHoldAndHowItEndedNewestFirstAndAReleaseAppearsLive() {
        Acquired bobs = (Acquired) locks.acquire(RESOURCE, tab("bob", "Bob"));
        clock.advance(Duration.ofMinutes(1));
        Acquired sams = (Acquired) takeOvers.takeOver(RESOURCE, bobs.token(), tab("sam", "Sam"), "Customer called");
        clock.advance(Duration.ofMinutes(2));
        locks.release(RESOURCE, "sams-tab", sams.token());
        locks.acquire(RESOURCE, tab("carol", "Carol"));
        clock.advance(settings.lease().plusSeconds(30));
        sweeper.sweep();
        Acquired bobsAgain = (Acquired) locks.acquire(RESOURCE, tab("bob", "Bob"));
        breaks.breakLock(RESOURCE, bobsAgain.token(), SAM, "Stock take");
        BrowserlessUIContext alice = signIn("alice");
        alice.navigate("orders/701/edit", OrderEditorView.class);
        alice.find(TextArea.class).withCaption("Notes").single().setValue("Call before delivery");
        click(alice, "Save & close");

        BrowserlessUIContext carol = signIn("carol");
        carol.navigate("orders/701", OrderView.class);

        assertThat(rows(carol))
                .containsExactly(
                        "Alice | Saved",
                        "Bob | Broken by Sam (reason: Stock take)",
                        "Carol | Lapsed",
                        "Sam | Released",
                        "Bob | Taken over by Sam (reason: Customer called)");
        carol.activate();
        GridTester<Grid<LockHold>, LockHold> grid = carol.test(historyGrid(carol));
        assertThat(grid.getCellText(4, 1)).isEqualTo(Formats.timestamp(bobs.acquiredAt()));
        assertThat(grid.getCellText(4, 2))
                .isEqualTo(Formats.timestamp(bobs.acquiredAt().plusSeconds(60)));
        assertThat(grid.getCellText(4, 3)).isEqualTo("1 min");

        BrowserlessUIContext bob = signIn("bob");
        bob.navigate("orders/701/edit", OrderEditorView.class);
        deliverPushes();
        assertThat(rows(carol)).first().isEqualTo("Bob | still held");

        click(bob, "Cancel");
        deliverPushes();
        assertThat(rows(carol)).hasSize(6).first().isEqualTo("Bob | Released");
    }

    @Test
    void aLongHistoryIsShownTenHoldsAtATime() {
        List<String> holders = new ArrayList<>();
        for (int hold = 1; hold <= 12; hold++) {
            String name = hold % 2 == 0 ? "Alice" : "Bob";
            String username = name.toLowerCase(Locale.ROOT);
            Acquired acquired = (Acquired) locks.acquire(ResourceId.order(BUSY_ORDER), tab(username, name));
            clock.advance(Duration.ofSeconds(45));
            locks.release(ResourceId.order(BUSY_ORDER), username + "s-tab", acquired.token());
            holders.addFirst(name + " | Released");
        }
        BrowserlessUIContext carol = signIn("carol");
        carol.navigate("orders/702", OrderView.class);

        assertThat(rows(carol)).isEqualTo(holders.subList(0, 10));
        assertThat(position(carol)).isEqualTo("1–10 of 12");

        click(carol, "Older");
        assertThat(rows(carol)).isEqualTo(holders.subList(10, 12));
        assertThat(position(carol)).isEqualTo("11–12 of 12");

        click(carol, "Newer");
        assertThat(rows(carol)).isEqualTo(holders.subList(0, 10));
    }

    /** A tab of {@code username} whose holder key is "{username}s-tab". */
    private static LockHolder tab(String username, String displayName) {
        return new LockHolder(username, displayName, username + "s-tab");
    }

    /** The history as the clerk reads it: who held the order and how it ended, or "still held". */
    private static List<String> rows(BrowserlessUIContext window) {
        window.activate();
        GridTester<Grid<LockHold>, LockHold> grid = window.test(historyGrid(window));
        List<String> rows = new ArrayList<>();
        for (int row = 0; row < grid.size(); row++) {
            String ending = grid.getCellText(row, 4);
            rows.add(grid.getCellText(row, 0) + " | " + (ending.isEmpty() ? grid.getCellText(row, 2) : ending));
        }
        return rows;
    }

    private static String position(BrowserlessUIContext window) {
        window.activate();
        return window.find(Span.class)
                .withClassName("order-history-position")
                .single()
                .getText();
    }

    @SuppressWarnings("unchecked")
    private static Grid<LockHold> historyGrid(BrowserlessUIContext window) {
        return window.find(Grid.class).withClassName("order-history-grid").single();
    }
}
