package org.orderdesk.order.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.avatar.AvatarGroup;
import com.vaadin.flow.component.avatar.AvatarGroup.AvatarGroupItem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orderdesk.lock.ResourceId;
import org.orderdesk.order.OrderPresence;

/**
 * When a clerk's browser session ends (timed out, or invalidated as an idle session is), the
 * server lets go of everything it held for them, and the other clerks see it at once: their locks
 * are released and audited, their avatars leave the orders they looked at, and their places in
 * waiting lines go, so the next clerk is served and everyone behind moves up.
 */
class SessionEndTest extends ClerksTest {

    @Test
    void anEditorsLocksAreReleasedAuditedAndShownFreeToTheOthersAtOnce() {
        BrowserlessUIContext alice = signIn("alice");
        alice.navigate("orders/81/edit", OrderEditorView.class);
        BrowserlessUIContext alicesOtherTab = newTab(alice);
        alicesOtherTab.navigate("orders/82/edit", OrderEditorView.class);
        BrowserlessUIContext bob = signIn("bob");
        bob.navigate("orders/81", OrderView.class);
        BrowserlessUIContext bobsGrid = newTab(bob);
        bobsGrid.navigate(OrdersView.class);
        assertThat(Screens.banner(bob)).startsWith("Alice is editing this order since");
        assertThat(Screens.lockCell(bobsGrid, 82, "lockHolder")).isEqualTo("Alice");

        endSession(alice);

        assertThat(locks.find(ResourceId.order(81))).isEmpty();
        assertThat(locks.find(ResourceId.order(82))).isEmpty();
        assertThat(releases(81)).containsExactly("alice");
        assertThat(releases(82)).containsExactly("alice");
        assertThat(Screens.banner(bob)).isEqualTo("Free now — Edit");
        assertThat(Screens.lockCell(bobsGrid, 82, "lockHolder")).isEmpty();
    }

    @Test
    void aViewerDisappearsFromTheOtherClerksScreensAtOnce() {
        BrowserlessUIContext bob = signIn("bob");
        bob.navigate("orders/83/edit", OrderEditorView.class);
        BrowserlessUIContext alice = signIn("alice");
        alice.navigate("orders/83", OrderView.class);
        BrowserlessUIContext carol = signIn("carol");
        carol.navigate("orders/83", OrderView.class);
        deliverPushes();
        assertThat(viewers(bob)).containsExactlyInAnyOrder("Alice", "Carol");
        assertThat(viewers(carol)).containsExactlyInAnyOrder("Alice", "Bob");

        endSession(alice);

        assertThat(viewers(bob)).containsExactly("Carol");
        assertThat(viewers(carol)).containsExactly("Bob");
        assertThat(spring.getBean(OrderPresence.class).viewersOf(83))
                .extracting(viewer -> viewer.username())
                .containsExactlyInAnyOrder("bob", "carol");
    }

    @Test
    void aWaiterWhoseTurnHadComeGivesItToTheNextAndEveryoneBehindMovesUp() {
        BrowserlessUIContext alice = signIn("alice");
        alice.navigate("orders/84/edit", OrderEditorView.class);
        BrowserlessUIContext bob = waitsFor(84, "bob");
        BrowserlessUIContext carol = waitsFor(84, "carol");
        BrowserlessUIContext sam = waitsFor(84, "sam");
        assertThat(Screens.placeInLine(sam)).isEqualTo("You are 3rd in line");
        click(alice, "Cancel");
        deliverPushes();
        assertThat(Screens.banner(bob)).isEqualTo("Reserved for you · 0:30 — it is your turn");

        endSession(bob);

        assertThat(Screens.banner(carol)).isEqualTo("Reserved for you · 0:30 — it is your turn");
        assertThat(Screens.placeInLine(sam)).isEqualTo("You are 1st in line");
        assertThat(jdbc.sql("select count(*) from lock_waiters where username = 'bob'")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select actor_username from lock_audit where resource_id = 84"
                                + " and action = 'RESERVATION_DECLINED'")
                        .query(String.class)
                        .list())
                .containsExactly("bob");
    }

    @Test
    void aWaiterStillInLineLeavesItAndTheNextTakesTheTurnWhenItComes() {
        BrowserlessUIContext alice = signIn("alice");
        alice.navigate("orders/85/edit", OrderEditorView.class);
        BrowserlessUIContext bob = waitsFor(85, "bob");
        BrowserlessUIContext carol = waitsFor(85, "carol");
        assertThat(Screens.placeInLine(carol)).isEqualTo("You are 2nd in line");

        endSession(bob);

        assertThat(Screens.placeInLine(carol)).isEqualTo("You are 1st in line");
        click(alice, "Cancel");
        deliverPushes();
        assertThat(Screens.banner(carol)).isEqualTo("Reserved for you · 0:30 — it is your turn");
        assertThat(bob.getUI().isClosing())
                .as("Bob's tab, closed with his session")
                .isTrue();
    }

    /** A clerk who opened the order read-only and asked to be told when it is free. */
    private BrowserlessUIContext waitsFor(long orderId, String username) {
        BrowserlessUIContext clerk = signIn(username);
        clerk.navigate("orders/" + orderId, OrderView.class);
        click(clerk, "Notify me when free");
        deliverPushes();
        return clerk;
    }

    /** Who held the order's released locks, oldest first. */
    private List<String> releases(long orderId) {
        return jdbc.sql("select holder_username from lock_audit where resource_id = :id and action = 'RELEASED'"
                        + " order by id")
                .param("id", orderId)
                .query(String.class)
                .list();
    }

    /** The other clerks' avatars beside the order's title in {@code window}; none while it is hidden. */
    private List<String> viewers(BrowserlessUIContext window) {
        deliverPushes();
        window.activate();
        return window.find(AvatarGroup.class).withClassName("order-viewers").all().stream()
                .flatMap(viewers -> viewers.getItems().stream())
                .map(AvatarGroupItem::getName)
                .toList();
    }
}
