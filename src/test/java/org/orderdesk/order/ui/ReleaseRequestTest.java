package org.orderdesk.order.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.orderdesk.lock.ResourceId;
import org.orderdesk.order.OrderSummary;
import org.orderdesk.ui.Formats;

/** Asking the holder to release, at most once a minute per order and requester. */
class ReleaseRequestTest extends ClerksTest {

    @Test
    void theHolderIsAskedAndReleasingFreesTheOrderForTheAsker() {
        BrowserlessUIContext alice = signIn("alice");
        alice.navigate("orders/41/edit", OrderEditorView.class);
        BrowserlessUIContext bob = signIn("bob");
        bob.navigate("orders/41", OrderView.class);

        click(bob, "Ask Alice to release");
        deliverPushes();

        assertThat(notices(bob)).contains("Asked Alice to release order OD-000041. You will be told when it is free.");
        assertThat(notices(alice)).contains("Bob asks to edit order OD-000041");
        bob.navigate(OrdersView.class);

        click(alice, notice(alice, "Bob asks to edit"), "Release now");
        deliverPushes();

        assertThat(alice.getCurrentView()).isInstanceOf(OrdersView.class);
        assertThat(locks.find(ResourceId.order(41))).isEmpty();
        assertThat(notices(bob)).contains("Order OD-000041 is free now");
    }

    @Test
    void notNowKeepsTheLockAndTheUnsavedChanges() {
        BrowserlessUIContext alice = signIn("alice");
        alice.navigate("orders/42/edit", OrderEditorView.class);
        alice.find(TextArea.class).withCaption("Notes").single().setValue("Half-typed note");
        BrowserlessUIContext bob = signIn("bob");
        bob.navigate("orders/42", OrderView.class);

        click(bob, "Ask Alice to release");
        deliverPushes();
        click(alice, notice(alice, "Bob asks to edit"), "Not now");

        assertThat(notices(alice)).noneMatch(text -> text.contains("asks to edit"));
        assertThat(alice.getCurrentView()).isInstanceOf(OrderEditorView.class);
        assertThat(alice.find(TextArea.class).withCaption("Notes").single().getValue())
                .isEqualTo("Half-typed note");
        assertThat(locks.find(ResourceId.order(42)).orElseThrow().holder().username())
                .isEqualTo("alice");
    }

    @Test
    void aSecondRequestWithinAMinuteIsRefusedWithWhenToAskAgain() {
        BrowserlessUIContext alice = signIn("alice");
        alice.navigate("orders/43/edit", OrderEditorView.class);
        BrowserlessUIContext bob = signIn("bob");
        OrdersView grid = bob.navigate(OrdersView.class);
        deliverPushes();
        bob.activate();
        OrderSummary row = bob.test(ordersGrid(bob)).getRow(42);
        grid.rowActions(row).get("Ask Alice to release").run();
        deliverPushes();
        java.time.Instant askedAt = clock.instant();
        click(alice, notice(alice, "Bob asks to edit"), "Not now");

        clock.advance(Duration.ofSeconds(30));
        bob.activate();
        grid.rowActions(row).get("Ask Alice to release").run();
        deliverPushes();

        assertThat(notices(bob))
                .contains("You already asked Alice about order OD-000043. Ask again after "
                        + Formats.time(askedAt.plusSeconds(60)) + ".");
        assertThat(notices(alice)).noneMatch(text -> text.contains("asks to edit"));

        clock.advance(Duration.ofSeconds(30));
        bob.activate();
        grid.rowActions(row).get("Ask Alice to release").run();
        deliverPushes();
        assertThat(notices(alice)).contains("Bob asks to edit order OD-000043");
    }

    @Test
    void aRequesterAskingAgainReplacesTheirRequestAndALostLockClosesThemAll() {
        BrowserlessUIContext alice = signIn("alice");
        alice.navigate("orders/44/edit", OrderEditorView.class);
        BrowserlessUIContext bob = signIn("bob");
        bob.navigate("orders/44", OrderView.class);
        BrowserlessUIContext carol = signIn("carol");
        carol.navigate("orders/44", OrderView.class);

        click(bob, "Ask Alice to release");
        click(carol, "Ask Alice to release");
        clock.advance(Duration.ofMinutes(1));
        bob.activate();
        click(bob, "Ask Alice to release");
        deliverPushes();
        assertThat(notices(alice))
                .filteredOn(text -> text.contains("asks to edit"))
                .containsExactly("Carol asks to edit order OD-000044", "Bob asks to edit order OD-000044");

        clock.advance(settings.lease().plusSeconds(1));
        sweeper.sweep();
        deliverPushes();
        assertThat(notices(alice)).noneMatch(text -> text.contains("asks to edit"));
    }
}
