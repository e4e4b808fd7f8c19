package org.orderdesk.order.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.BrowserlessUIContext;
import jakarta.servlet.http.HttpSessionEvent;
import org.junit.jupiter.api.Test;
import org.orderdesk.lock.ResourceId;
import org.orderdesk.order.FreeNotices;
import org.orderdesk.order.OrderSummary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

/** "Notify me when free", and the heads-up before the holder's lock expires. */
class FreeNoticeTest extends ClerksTest {

    @Autowired
    FreeNotices freeNotices;

    @Test
    void aClerkWaitingFromTheGridIsWarnedBeforeExpiryAndToldWhenTheOrderIsFree() {
        BrowserlessUIContext alice = signIn("alice");
        alice.navigate("orders/31/edit", OrderEditorView.class);
        BrowserlessUIContext bob = signIn("bob");
        OrdersView grid = bob.navigate(OrdersView.class);
        deliverPushes();

        bob.activate();
        grid.rowActions(row(bob, 31)).get("Notify me when free").run();
        assertThat(notices(bob))
                .contains("You are 1st in line for order OD-000031. You will be told when it is your turn.");

        clock.advance(settings.lease().minusSeconds(60));
        sweeper.sweep();
        deliverPushes();
        assertThat(notices(bob)).contains("Alice's lock on order OD-000031 ends in 1:00");

        alice.activate();
        click(alice, "Cancel");
        deliverPushes();
        assertThat(notices(bob)).contains("Order OD-000031 is free now");

        click(bob, notice(bob, "is free now"), "Edit now");
        assertThat(bob.getCurrentView()).isInstanceOf(OrderEditorView.class);
        assertThat(locks.find(ResourceId.order(31)).orElseThrow().holder().username())
                .isEqualTo("bob");
    }

    @Test
    void theReadOnlyViewOffersItAndOnlyOneTabOfTheSessionIsTold() {
        BrowserlessUIContext alice = signIn("alice");
        alice.navigate("orders/32/edit", OrderEditorView.class);
        BrowserlessUIContext bob = signIn("bob");
        bob.navigate("orders/32", OrderView.class);
        BrowserlessUIContext bobsOtherTab = newTab(bob);
        bobsOtherTab.navigate(OrdersView.class);

        bob.activate();
        click(bob, "Notify me when free");
        assertThat(hasButton(bob, "Stop notifying me")).isTrue();
        bob.navigate(OrdersView.class);

        alice.activate();
        click(alice, "Cancel");
        deliverPushes();

        long told = notices(bob).stream()
                        .filter(text -> text.contains("is free now"))
                        .count()
                + notices(bobsOtherTab).stream()
                        .filter(text -> text.contains("is free now"))
                        .count();
        assertThat(told).isEqualTo(1);
        assertThat(freeNotices.size()).isZero();
    }

    @Test
    void aCancelledNoticeIsNotGiven() {
        BrowserlessUIContext alice = signIn("alice");
        alice.navigate("orders/33/edit", OrderEditorView.class);
        BrowserlessUIContext bob = signIn("bob");
        OrdersView grid = bob.navigate(OrdersView.class);
        deliverPushes();
        bob.activate();
        grid.rowActions(row(bob, 33)).get("Notify me when free").run();

        grid.rowActions(row(bob, 33)).get("Stop notifying me").run();
        alice.activate();
        click(alice, "Cancel");
        deliverPushes();

        assertThat(notices(bob)).noneMatch(text -> text.contains("is free now"));
        assertThat(grid.rowActions(row(bob, 33))).doesNotContainKey("Notify me when free");
    }

    @Test
    void aLeaseThatEndsUnsweptGoesToTheClerkWaitingNotToWhoeverOpensTheOrderFirst() {
        BrowserlessUIContext alice = signIn("alice");
        alice.navigate("orders/35/edit", OrderEditorView.class);
        BrowserlessUIContext bob = signIn("bob");
        bob.navigate("orders/35", OrderView.class);
        click(bob, "Notify me when free");
        bob.navigate(OrdersView.class);

        // Alice's lease ran out unswept; Carol's opening ends it, and it is Bob's turn.
        clock.advance(settings.lease().plusSeconds(1));
        BrowserlessUIContext carol = signIn("carol");
        carol.navigate("orders/35/edit", OrderView.class);
        deliverPushes();

        assertThat(Screens.banner(carol)).isEqualTo("Reserved for Bob · 0:30");
        assertThat(notices(bob)).contains("Order OD-000035 is free now");
        assertThat(locks.find(ResourceId.order(35))).isEmpty();
    }

    @Test
    void askingToBeNotifiedAboutAFreeOrderSaysItIsFreeAtOnce() {
        BrowserlessUIContext alice = signIn("alice");
        alice.navigate("orders/36/edit", OrderEditorView.class);
        BrowserlessUIContext bob = signIn("bob");
        OrdersView grid = bob.navigate(OrdersView.class);
        deliverPushes();
        bob.activate();
        OrderSummary row = row(bob, 36);
        Runnable notifyMe = grid.rowActions(row).get("Notify me when free");
        alice.activate();
        click(alice, "Cancel");
        deliverPushes();

        bob.activate();
        notifyMe.run();

        assertThat(notices(bob)).contains("Order OD-000036 is free now");
        assertThat(freeNotices.size()).isZero();
    }

    @Test
    void noticesEndWithTheSessionThatAskedForThem() {
        MockHttpSession bobs = new MockHttpSession();
        MockHttpSession carols = new MockHttpSession();
        freeNotices.add(bobs.getId(), new FreeNotices.Wait(34, "OD-000034"));
        freeNotices.add(carols.getId(), new FreeNotices.Wait(34, "OD-000034"));

        freeNotices.sessionDestroyed(new HttpSessionEvent(bobs));

        assertThat(freeNotices.find(bobs.getId(), 34)).isEmpty();
        assertThat(freeNotices.find(carols.getId(), 34)).isPresent();
        freeNotices.sessionDestroyed(new HttpSessionEvent(carols));
    }

    private OrderSummary row(BrowserlessUIContext window, long orderId) {
        window.activate();
        OrderSummary row = window.test(ordersGrid(window)).getRow((int) orderId - 1);
        assertThat(row.id()).isEqualTo(orderId);
        return row;
    }
}
