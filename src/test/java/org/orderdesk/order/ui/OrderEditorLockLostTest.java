package org.orderdesk.order.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orderdesk.order.ui.Screens.shownReadOnly;

import com.vaadin.flow.component.HasValueAndElement;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.internal.nodefeature.ElementPropertyMap;
import com.vaadin.flow.internal.nodefeature.PropertyChangeDeniedException;
import org.junit.jupiter.api.Test;
import org.orderdesk.lock.AcquireOutcome;
import org.orderdesk.lock.LockBreaks;
import org.orderdesk.lock.LockInfo;
import org.orderdesk.lock.LockTakeOvers;
import org.orderdesk.lock.ResourceId;
import org.orderdesk.order.Order;
import org.orderdesk.ui.Formats;
import org.springframework.beans.factory.annotation.Autowired;

/** A lost lock turns the form read-only, keeps every value, and offers the ways on. */
class OrderEditorLockLostTest extends EditorTest {

    @Autowired
    LockTakeOvers takeOvers;

    @Autowired
    LockBreaks breaks;

    @Test
    void aLapsedLockTakenByAnotherClerkTurnsTheFormReadOnlyKeepingEveryValue() {
        OrderEditorView editor = edit(401);
        typeUnsavedChanges();
        scriptCalls();

        letTheLeaseLapse();
        locks.acquire(ResourceId.order(401), BOBS_TAB);
        deliverPushes();

        assertThat(lockLostReason())
                .isEqualTo("Lock lost to Bob: your lock on order OD-000401 expired and Bob took it");
        assertThat(lockStatus()).startsWith("You no longer hold the lock");
        assertUnsavedChangesKeptReadOnly();
        assertThat(test(button("Save")).isUsable()).isFalse();
        assertThat(test(button("Save & close")).isUsable()).isFalse();
        assertThat(editor.getElement().hasAttribute("unsaved"))
                .as("closing the tab still asks")
                .isTrue();
        assertThat(scriptCalls())
                .as("renewals and the beacon stop; the unsaved-changes guard stays")
                .anySatisfy(call -> assertThat(call).contains("window.orderdesk.lockHeartbeat.lost(this)"))
                .noneSatisfy(call -> assertThat(call).contains("window.orderdesk.lockHeartbeat.stop(this)"));
    }

    @Test
    void movingEditingToTheOtherTabSaysSo() {
        edit(402);
        typeUnsavedChanges();

        takeOvers.moveHere(ResourceId.order(402), ALICES_OTHER_TAB);
        deliverPushes();

        assertThat(lockLostReason()).isEqualTo("Lock moved to your other tab: you are editing order OD-000402 there");
        assertUnsavedChangesKeptReadOnly();
    }

    @Test
    void aSupervisorsTakeOverNamesThemAndTheirReason() {
        edit(403);
        typeUnsavedChanges();

        takeOvers.takeOver(
                ResourceId.order(403),
                locks.find(ResourceId.order(403)).orElseThrow().token(),
                SAMS_TAB,
                "Customer is on the phone");
        deliverPushes();

        assertThat(lockLostReason())
                .isEqualTo("Lock lost to Sam: Sam took over order OD-000403 (reason: Customer is on the phone)");
        assertUnsavedChangesKeptReadOnly();
    }

    @Test
    void aSupervisorsBreakNamesThemAndTheirReason() {
        edit(404);
        typeUnsavedChanges();

        breaks.breakLock(
                ResourceId.order(404),
                locks.find(ResourceId.order(404)).orElseThrow().token(),
                SAM,
                "Stuck since yesterday");
        deliverPushes();

        assertThat(lockLostReason())
                .isEqualTo("Lock lost: Sam broke your lock on order OD-000404 (reason: Stuck since yesterday)");
        assertUnsavedChangesKeptReadOnly();
    }

    @Test
    void reacquiringAFreeLockOnAnUnchangedOrderContinuesWithTheValuesKept() {
        edit(405);
        long lostToken = heldLock(405).token();
        typeUnsavedChanges();
        letTheLeaseLapse();
        sweeper.sweep();
        deliverPushes();
        assertThat(lockLostReason()).isEqualTo("Lock lost: your lock on order OD-000405 expired");

        click("Re-acquire and continue");

        LockInfo lock = heldLock(405);
        assertThat(lock.holder().user()).isEqualTo(ALICE);
        assertThat(lock.token()).isGreaterThan(lostToken);
        assertThat(lockLostPanelShown()).isFalse();
        assertThat(field("Customer").getValue()).isEqualTo("Nordwind Traders");
        assertThat(test(field("Customer")).isUsable()).isTrue();
        assertThat(shownReadOnly(field("Customer"))).isFalse();
        assertThat(shownReadOnly(notes())).isFalse();
        assertThat(shownReadOnly(product(1))).isFalse();
        assertThat($(Button.class).withAriaLabel("Remove line 1").exists())
                .as("shown")
                .isTrue();

        click("Save");

        assertThat(stored(405).getCustomer()).isEqualTo("Nordwind Traders");
        assertThat(stored(405).getNotes()).isEqualTo("Ring twice");
    }

    @Test
    void reacquiringWhileAnotherClerkHoldsTheLockSaysWhoAndUntilWhen() {
        edit(406);
        typeUnsavedChanges();
        letTheLeaseLapse();
        var bobs = (AcquireOutcome.Acquired) locks.acquire(ResourceId.order(406), BOBS_TAB);
        deliverPushes();

        click("Re-acquire and continue");

        assertThat(lockLostOutcome())
                .isEqualTo("Bob is editing order OD-000406 until " + Formats.time(bobs.expiresAt())
                        + ". Your changes stay here meanwhile.");
        assertUnsavedChangesKeptReadOnly();
        assertThat(heldLock(406).holder()).isEqualTo(BOBS_TAB);
    }

    @Test
    void reacquiringAfterSomeoneSavedTheOrderIsRefusedAndLeavesTheLockFree() {
        edit(407);
        typeUnsavedChanges();
        bobSavesCustomerAfterAlicesLeaseLapsed(407, "Bob's customer");
        deliverPushes();

        click("Re-acquire and continue");

        Order saved = stored(407);
        assertThat(lockLostOutcome())
                .isEqualTo("Bob saved order OD-000407 at " + Formats.dateTime(saved.getLastChangedAt())
                        + " after you opened it. Compare with saved to see what changed.");
        assertThat(lockOn(407)).isEmpty();
        assertUnsavedChangesKeptReadOnly();
    }

    @Test
    void compareWithSavedShowsMineAndSavedFieldByField() {
        edit(408);
        String originalNotes = notes().getValue();
        typeUnsavedChanges();
        bobSavesCustomerAfterAlicesLeaseLapsed(408, "Bob's customer");
        deliverPushes();

        click("Compare with saved");

        CompareDialog dialog = $(CompareDialog.class).single();
        @SuppressWarnings("unchecked")
        Grid<OrderComparison.Row> comparison =
                $(Grid.class, dialog).withClassName("compare-dialog-rows").single();
        var rows = test(comparison);
        assertThat(rows.getHeaderCell(1)).isEqualTo("Mine (unsaved)");
        assertThat(rows.getRow(0)).isEqualTo(new OrderComparison.Row("Customer", "Nordwind Traders", "Bob's customer"));
        assertThat(rows.getRow(4)).isEqualTo(new OrderComparison.Row("Notes", "Ring twice", originalNotes));
        assertThat(rows.getCellText(0, 3)).isEqualTo("differs");
        assertThat(rows.getRow(1).differs()).as("status unchanged").isFalse();
    }

    @Test
    void discardingLeavesForTheSavedOrderWithoutAsking() {
        edit(409);
        typeUnsavedChanges();
        takeOvers.takeOver(
                ResourceId.order(409),
                locks.find(ResourceId.order(409)).orElseThrow().token(),
                SAMS_TAB,
                "Month-end close");
        deliverPushes();

        click("Discard my changes");

        assertThat(getCurrentView()).isInstanceOf(OrderView.class);
        assertThat(field("Customer").getValue()).isEqualTo(stored(409).getCustomer());
        assertThat(heldLock(409).holder()).isEqualTo(SAMS_TAB);
    }

    @Test
    void aSaveBeforeTheLossArrivedIsRefusedByFencingWithTheSameMessage() {
        OrderEditorView editor = edit(410);
        String storedCustomer = stored(410).getCustomer();
        typeUnsavedChanges();
        letTheLeaseLapse();
        Button save = button("Save");
        inBobsRequestThread(() -> locks.acquire(ResourceId.order(410), BOBS_TAB));
        assertThat(showsLockLostPanelNow(editor))
                .as("the loss has not been pushed to this UI yet")
                .isFalse();

        // The click left the browser before the push arrived; a component query would run the UI's queue first.
        save.click();

        assertThat(lockLostReason())
                .isEqualTo("Lock lost to Bob: your lock on order OD-000410 expired and Bob took it");
        assertUnsavedChangesKeptReadOnly();
        assertThat(stored(410).getCustomer()).isEqualTo(storedCustomer);
        assertThat($(Notification.class).withCondition(Notification::isOpened).all())
                .as("no error notification besides the panel")
                .isEmpty();
    }

    @Test
    void textTheBrowserSendsAfterTheLossIsKeptInTheUnsavedChanges() {
        edit(411);
        String originalNotes = notes().getValue();
        typeUnsavedChanges();
        takeOvers.takeOver(
                ResourceId.order(411),
                locks.find(ResourceId.order(411)).orElseThrow().token(),
                SAMS_TAB,
                "Customer called");
        deliverPushes();

        // Typed before the loss; a lazy field sends it when the clerk pauses, which here is after.
        fromBrowser(notes(), "Ring twice, then wait");

        assertThat(notes().getValue()).isEqualTo("Ring twice, then wait");
        assertThat(shownReadOnly(notes())).isTrue();
        click("Compare with saved");
        @SuppressWarnings("unchecked")
        Grid<OrderComparison.Row> comparison = $(
                        Grid.class, $(CompareDialog.class).single())
                .withClassName("compare-dialog-rows")
                .single();
        assertThat(test(comparison).getRow(4))
                .isEqualTo(new OrderComparison.Row("Notes", "Ring twice, then wait", originalNotes));
        assertThat(button("Save").isEnabled()).isFalse();
    }

    /** A field's value as the browser synchronises it: the property change Flow's client sends. */
    private static void fromBrowser(HasValueAndElement<?, String> field, String value) {
        try {
            ElementPropertyMap.getModel(field.getElement().getNode())
                    .deferredUpdateFromClient("value", value)
                    .run();
        } catch (PropertyChangeDeniedException denied) {
            throw new AssertionError("Flow refuses the browser's value", denied);
        }
    }

    /**
     * Whether the editor shows the lost-lock panel, read off its children as they are: a component
     * query would run the UI's queue first, and so deliver a loss still on its way.
     */
    private static boolean showsLockLostPanelNow(OrderEditorView editor) {
        return editor.getChildren()
                .anyMatch(child ->
                        child.isVisible() && child.getElement().getClassList().contains("lock-lost"));
    }

    /** Bob's own request: its push to Alice's UI waits in the queue until her UI is free. */
    private static void inBobsRequestThread(Runnable action) {
        Thread bob = new Thread(action);
        bob.start();
        try {
            bob.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private void typeUnsavedChanges() {
        test(field("Customer")).setValue("Nordwind Traders");
        test(notes()).setValue("Ring twice");
    }

    private void assertUnsavedChangesKeptReadOnly() {
        assertThat(field("Customer").getValue()).isEqualTo("Nordwind Traders");
        assertThat(notes().getValue()).isEqualTo("Ring twice");
        assertThat(shownReadOnly(field("Customer"))).isTrue();
        assertThat(shownReadOnly(notes())).isTrue();
        assertThat(shownReadOnly(product(1))).isTrue();
        assertThat(shownReadOnly(quantity(1))).isTrue();
        assertThat(shownReadOnly(unitPrice(1))).isTrue();
        assertThat($(Button.class).withText("Add line").exists()).as("shown").isFalse();
        assertThat($(Button.class).withAriaLabel("Remove line 1").exists())
                .as("shown")
                .isFalse();
    }

    /** Alice's lease lapses; Bob takes the lock, saves a new customer and releases. */
    private void bobSavesCustomerAfterAlicesLeaseLapsed(long orderId, String customer) {
        letTheLeaseLapse();
        var bobs = (AcquireOutcome.Acquired) locks.acquire(ResourceId.order(orderId), BOBS_TAB);
        Order order = stored(orderId);
        order.setCustomer(customer);
        orders.save(order, bobs.token());
        locks.release(ResourceId.order(orderId), BOBS_TAB.holderKey(), bobs.token());
    }
}
