package org.orderdesk.order.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orderdesk.order.ui.Screens.banner;
import static org.orderdesk.order.ui.Screens.click;
import static org.orderdesk.order.ui.Screens.hasButton;
import static org.orderdesk.order.ui.Screens.lockCell;
import static org.orderdesk.order.ui.Screens.lockLostReason;
import static org.orderdesk.order.ui.Screens.notice;
import static org.orderdesk.order.ui.Screens.notices;
import static org.orderdesk.order.ui.Screens.ordersGrid;
import static org.orderdesk.order.ui.Screens.shownReadOnly;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.orderdesk.lock.LockAdministration.LiveLock;
import org.orderdesk.lock.LockInfo;
import org.orderdesk.order.OrderSummary;
import org.orderdesk.ui.Formats;

/**
 * Alice works on node A; Bob, and Sam the supervisor, on node B. What
 * she does reaches their screens, and what they do reaches hers, through the relay alone: the two
 * nodes share nothing but the database. The same stories as the one-node tests
 * ({@link GridLockColumnTest}, {@link OrderViewLiveTest}, {@link FreeNoticeTest}, {@link
 * ReleaseRequestTest}, {@link ReleaseAnswerTest}, and the Locks view's break), each on orders of its own.
 */
class CrossNodeClerksTest extends ClusterClerksTest {

    @Test
    void aLockAliceTakesOnNodeAShowsInBobsGridAndReadOnlyViewOnNodeBAndGoesWhenSheLeaves() {
        BrowserlessUIContext bobsGrid = signIn(nodeB, "bob");
        bobsGrid.navigate(OrdersView.class);
        BrowserlessUIContext bobsView = signIn(nodeB, "bob");
        bobsView.navigate("orders/61", OrderView.class);
        assertThat(lockCell(bobsGrid, 61, "lockHolder")).isEmpty();
        assertThat(banner(bobsView)).isEmpty();

        BrowserlessUIContext alice = signIn(nodeA, "alice");
        alice.navigate("orders/61/edit", OrderEditorView.class);

        LockInfo lock = lockOf(61).orElseThrow();
        eventually(() -> {
            assertThat(lockCell(bobsGrid, 61, "lockHolder")).isEqualTo("Alice");
            assertThat(banner(bobsView))
                    .isEqualTo("Alice is editing this order since " + Formats.time(lock.acquiredAt()) + " — lock ends "
                            + Formats.time(lock.expiresAt()) + " · 2:00 left");
        });
        assertThat(lockCell(bobsGrid, 61, "lockEnd"))
                .isEqualTo(Long.toString(lock.expiresAt().toEpochMilli()));
        assertThat(lockCell(bobsGrid, 61, "lockState")).isEqualTo("held");
        assertThat(lockCell(bobsGrid, 62, "lockHolder")).isEmpty();

        click(alice, "Cancel");

        eventually(() -> {
            assertThat(lockCell(bobsGrid, 61, "lockHolder")).isEmpty();
            assertThat(banner(bobsView)).isEqualTo("Free now — Edit");
        });
    }

    @Test
    void whatAliceSavesOnNodeAIsWhatBobsReadOnlyViewOnNodeBShows() {
        BrowserlessUIContext bob = signIn(nodeB, "bob");
        bob.navigate("orders/62", OrderView.class);
        BrowserlessUIContext alice = signIn(nodeA, "alice");
        alice.navigate("orders/62/edit", OrderEditorView.class);

        alice.find(TextArea.class).withCaption("Notes").single().setValue("Deliver to the loading dock");
        alice.find(TextField.class).withCaption("Customer").single().setValue("Harbour Foods (north gate)");
        click(alice, "Save");

        eventually(() -> {
            assertThat(bob.find(TextArea.class).withCaption("Notes").single().getValue())
                    .isEqualTo("Deliver to the loading dock");
            assertThat(bob.find(TextField.class)
                            .withCaption("Customer")
                            .single()
                            .getValue())
                    .isEqualTo("Harbour Foods (north gate)");
            assertThat(bob.find(TextField.class)
                            .withCaption("Last changed")
                            .single()
                            .getValue())
                    .startsWith("Alice · ");
        });
    }

    @Test
    void bobWaitingOnNodeBIsToldWhenAliceReleasesOnNodeAAndCanEditAtOnce() {
        BrowserlessUIContext alice = signIn(nodeA, "alice");
        alice.navigate("orders/63/edit", OrderEditorView.class);
        BrowserlessUIContext bob = signIn(nodeB, "bob");
        OrdersView grid = bob.navigate(OrdersView.class);

        grid.rowActions(row(bob, 63)).get("Notify me when free").run();
        assertThat(notices(bob))
                .contains("You are 1st in line for order OD-000063. You will be told when it is your turn.");

        click(alice, "Cancel");

        eventually(() -> assertThat(notices(bob)).contains("Order OD-000063 is free now"));
        click(bob, notice(bob, "is free now"), "Edit now");
        assertThat(bob.getCurrentView()).isInstanceOf(OrderEditorView.class);
        assertThat(lockOf(63).orElseThrow().holder().username()).isEqualTo("bob");
    }

    @Test
    void bobOnNodeBAsksAliceOnNodeAToReleaseSheIsAskedAndHerReleaseComesBackToHim() {
        BrowserlessUIContext alice = signIn(nodeA, "alice");
        alice.navigate("orders/64/edit", OrderEditorView.class);
        BrowserlessUIContext bob = signIn(nodeB, "bob");
        bob.navigate("orders/64", OrderView.class);

        click(bob, "Ask Alice to release");
        assertThat(notices(bob)).contains("Asked Alice to release order OD-000064. You will be told when it is free.");
        bob.navigate(OrdersView.class);

        eventually(() -> assertThat(notices(alice)).contains("Bob asks to edit order OD-000064"));
        click(alice, notice(alice, "Bob asks to edit"), "Release now");
        assertThat(alice.getCurrentView()).isInstanceOf(OrdersView.class);
        assertThat(lockOf(64)).isEmpty();

        eventually(() -> {
            assertThat(notices(bob)).contains("Order OD-000064 is free now");
            assertThat(lockCell(bob, 64, "lockHolder")).isEqualTo("Reserved for you");
        });
    }

    @Test
    void aliceOnNodeAAnswersNotNowAndBobOnNodeBReadsItInTheOrderAndInHisOtherTab() {
        BrowserlessUIContext alice = signIn(nodeA, "alice");
        alice.navigate("orders/66/edit", OrderEditorView.class);
        BrowserlessUIContext bob = signIn(nodeB, "bob");
        bob.navigate("orders/66", OrderView.class);
        BrowserlessUIContext bobsGrid = signIn(nodeB, "bob");
        bobsGrid.navigate(OrdersView.class);

        click(bob, "Ask Alice to release");
        eventually(() -> assertThat(notices(alice)).contains("Bob asks to edit order OD-000066"));
        Component request = notice(alice, "Bob asks to edit");
        alice.find(TextField.class, request).single().setValue("finishing the invoice");
        click(alice, request, "Not now");

        eventually(() -> {
            bob.activate();
            assertThat(bob.find(Div.class)
                            .withClassName("release-answer")
                            .single()
                            .getText())
                    .isEqualTo("Alice: not now — “finishing the invoice”");
            assertThat(notices(bobsGrid))
                    .contains("Alice: not now to your request for order OD-000066 — “finishing the invoice”");
        });
    }

    @Test
    void samOnNodeBBreaksAlicesLockOnNodeAAndHerEditorTellsHerAtOnceKeepingHerDraft() {
        BrowserlessUIContext alice = signIn(nodeA, "alice");
        alice.navigate("orders/65/edit", OrderEditorView.class);
        alice.find(TextArea.class).withCaption("Notes").single().setValue("Alice's unsaved note");
        BrowserlessUIContext sam = signIn(nodeB, "sam");
        sam.navigate("locks", Component.class);

        eventually(() -> {
            assertThat(liveLocks(sam).size()).isEqualTo(1);
            assertThat(liveLocks(sam).getCellText(0, 0)).isEqualTo("OD-000065");
            assertThat(liveLocks(sam).getCellText(0, 1)).isEqualTo("Alice");
        });
        liveLocks(sam).invokeLitRendererFunction(0, "break", "breakLock");
        sam.find(TextArea.class).withCaption("Reason").single().setValue("Customer is on the phone");
        sam.test(sam.find(Button.class).withText("Break lock").single()).click();
        assertThat(notices(sam)).contains("You broke Alice's lock on order OD-000065");
        assertThat(lockOf(65)).isEmpty();

        eventually(() -> assertThat(lockLostReason(alice))
                .isEqualTo("Lock lost: Sam broke your lock on order OD-000065 (reason: Customer is on the phone)"));
        TextArea notes = alice.find(TextArea.class).withCaption("Notes").single();
        assertThat(notes.getValue()).isEqualTo("Alice's unsaved note");
        assertThat(shownReadOnly(notes)).isTrue();
        assertThat(hasButton(alice, "Compare with saved")).isTrue();
    }

    private static OrderSummary row(BrowserlessUIContext window, long orderId) {
        window.activate();
        OrderSummary row = window.test(ordersGrid(window)).getRow((int) orderId - 1);
        assertThat(row.id()).isEqualTo(orderId);
        return row;
    }

    @SuppressWarnings("unchecked")
    private static GridTester<Grid<LiveLock>, LiveLock> liveLocks(BrowserlessUIContext window) {
        window.activate();
        return window.test((Grid<LiveLock>)
                window.find(Grid.class).withClassName("live-locks").single());
    }
}
