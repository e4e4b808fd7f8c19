package org.orderdesk.order.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.orderdesk.lock.LockInfo;
import org.orderdesk.lock.ResourceId;
import org.orderdesk.order.OrderEditing;
import org.orderdesk.order.OrderSummary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** A supervisor takes an order over with a reason; clerks can neither see nor forge it. */
class SupervisorTakeOverTest extends ClerksTest {

    @Autowired
    OrderEditing editing;

    @Test
    void fromTheReadOnlyViewTheSupervisorGivesAReasonAndTheHolderIsToldAndKeepsTheDraft() {
        BrowserlessUIContext alice = signIn("alice");
        alice.navigate("orders/51/edit", OrderEditorView.class);
        alice.find(TextArea.class).withCaption("Notes").single().setValue("Alice's unsaved note");
        BrowserlessUIContext sam = signIn("sam");
        sam.navigate("orders/51", OrderView.class);

        click(sam, "Take over…");
        click(sam, "Take over");
        assertThat(sam.find(TextArea.class).withCaption("Reason").single().isInvalid())
                .as("no reason, no take-over")
                .isTrue();
        assertThat(locks.find(ResourceId.order(51)).orElseThrow().holder().username())
                .isEqualTo("alice");

        sam.find(TextArea.class).withCaption("Reason").single().setValue("Customer is on the phone");
        click(sam, "Take over");
        deliverPushes();

        assertThat(sam.getCurrentView()).isInstanceOf(OrderEditorView.class);
        assertThat(locks.find(ResourceId.order(51)).orElseThrow().holder().username())
                .isEqualTo("sam");
        alice.activate();
        assertThat(lockLostReason(alice)).contains("Sam took over").contains("(reason: Customer is on the phone)");
        assertThat(alice.find(TextArea.class).withCaption("Notes").single().getValue())
                .isEqualTo("Alice's unsaved note");
    }

    @Test
    void fromTheGridsContextMenu() {
        BrowserlessUIContext alice = signIn("alice");
        alice.navigate("orders/52/edit", OrderEditorView.class);
        BrowserlessUIContext sam = signIn("sam");
        OrdersView grid = sam.navigate(OrdersView.class);
        deliverPushes();
        sam.activate();
        OrderSummary row = sam.test(ordersGrid(sam)).getRow(51);

        grid.rowActions(row).get("Take over…").run();
        sam.find(TextArea.class).withCaption("Reason").single().setValue("Month-end close");
        click(sam, "Take over");

        LockInfo lock = locks.find(ResourceId.order(52)).orElseThrow();
        assertThat(lock.holder().username()).isEqualTo("sam");
        assertThat(sam.getCurrentView()).isInstanceOf(OrderEditorView.class);
    }

    @Test
    void clerksAreNotOfferedTheTakeOver() {
        BrowserlessUIContext alice = signIn("alice");
        alice.navigate("orders/53/edit", OrderEditorView.class);
        BrowserlessUIContext bob = signIn("bob");
        OrdersView grid = bob.navigate(OrdersView.class);
        deliverPushes();
        bob.activate();

        assertThat(grid.rowActions(bob.test(ordersGrid(bob)).getRow(52)))
                .containsKeys("Edit", "Open read-only", "Notify me when free", "Ask Alice to release")
                .doesNotContainKey("Take over…");
        bob.navigate("orders/53", OrderView.class);
        assertThat(hasButton(bob, "Ask Alice to release")).isTrue();
        assertThat(hasButton(bob, "Take over…")).isFalse();
    }

    @Test
    void aForgedTakeOverByAClerkIsRefusedByTheServiceWhichGoesBySignedInUser() {
        BrowserlessUIContext alice = signIn("alice");
        alice.navigate("orders/54/edit", OrderEditorView.class);
        long alicesToken = locks.find(ResourceId.order(54)).orElseThrow().token();

        // Called as Bob's session would call it, views bypassed.
        signIn("bob").activate();
        assertThatThrownBy(() ->
                        editing.takeOver(54, alicesToken, UUID.randomUUID().toString(), "I want it", "bobs-session"))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(locks.find(ResourceId.order(54)).orElseThrow().token()).isEqualTo(alicesToken);

        // The same call in Sam's session is a supervisor's.
        signIn("sam").activate();
        editing.takeOver(54, alicesToken, UUID.randomUUID().toString(), "Month-end close", "sams-session");
        assertThat(locks.find(ResourceId.order(54)).orElseThrow().holder().username())
                .isEqualTo("sam");
    }

    @Test
    void aTakeOverOfAHoldThatChangedHandsMeanwhileLeavesTheNewHolderAlone() {
        BrowserlessUIContext alice = signIn("alice");
        alice.navigate("orders/55/edit", OrderEditorView.class);
        BrowserlessUIContext sam = signIn("sam");
        sam.navigate("orders/55", OrderView.class);
        click(sam, "Take over…");
        sam.find(TextArea.class).withCaption("Reason").single().setValue("Alice is at lunch");

        alice.activate();
        click(alice, "Cancel");
        BrowserlessUIContext bob = signIn("bob");
        bob.navigate("orders/55/edit", OrderEditorView.class);
        sam.activate();
        click(sam, "Take over");

        assertThat(locks.find(ResourceId.order(55)).orElseThrow().holder().username())
                .isEqualTo("bob");
        assertThat(sam.getCurrentView()).isInstanceOf(OrderView.class);
    }
}
