package org.orderdesk.order.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.avatar.AvatarGroup;
import com.vaadin.flow.component.avatar.AvatarGroup.AvatarGroupItem;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.CellFocusEvent;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.orderdesk.lock.LockInfo;
import org.orderdesk.lock.ResourceId;
import org.orderdesk.order.OrderSummary;
import org.orderdesk.ui.Formats;

/**
 * The preview beside the orders grid: shown if the clerk chose it (remembered), it shows the order
 * reached by a click or the arrow keys, read-only, with its live lock banner and who else looks.
 * Order n is row n - 1 in the grid's default order.
 */
class OrderPreviewTest extends ClerksTest {

    @AfterEach
    void forgetThePreferences() {
        jdbc.sql("delete from grid_preferences").update();
    }

    @Test
    void thePreviewIsHiddenUntilAClerkShowsItAndStaysAsSheLeftItInANewSession() {
        BrowserlessUIContext alice = signIn("alice");
        alice.navigate(OrdersView.class);
        assertThat(previewShown(alice)).isFalse();

        togglePreview(alice);
        assertThat(previewShown(alice)).isTrue();

        BrowserlessUIContext aliceElsewhere = signIn("alice");
        aliceElsewhere.navigate(OrdersView.class);
        assertThat(previewShown(aliceElsewhere)).isTrue();
        BrowserlessUIContext bob = signIn("bob");
        bob.navigate(OrdersView.class);
        assertThat(previewShown(bob)).isFalse();

        togglePreview(aliceElsewhere);
        BrowserlessUIContext aliceLater = signIn("alice");
        aliceLater.navigate(OrdersView.class);
        assertThat(previewShown(aliceLater)).isFalse();
    }

    @Test
    void theSelectedOrderIsPreviewedAndItsBannerFollowsAlicesLockLive() {
        BrowserlessUIContext bob = signIn("bob");
        bob.navigate(OrdersView.class);
        togglePreview(bob);
        assertThat(previewedOrder(bob)).isEmpty();

        bob.test(ordersGrid(bob)).select(30);
        bob.roundTrip();

        assertThat(previewedOrder(bob)).isEqualTo("Order OD-000031");
        assertThat(Screens.banner(bob)).isEmpty();
        assertThat(bob.getCurrentView()).isInstanceOf(OrdersView.class);

        BrowserlessUIContext alice = signIn("alice");
        alice.navigate("orders/31/edit", OrderEditorView.class);
        deliverPushes();

        LockInfo lock = locks.find(ResourceId.order(31)).orElseThrow();
        assertThat(Screens.banner(bob))
                .isEqualTo("Alice is editing this order since " + Formats.time(lock.acquiredAt()) + " — lock ends "
                        + Formats.time(lock.expiresAt()) + " · 2:00 left");
        assertThat(previewButtons(bob)).contains("Notify me when free", "Ask Alice to release");
        assertThat(viewers(bob)).containsExactly("Alice");

        alice.find(TextArea.class).withCaption("Notes").single().setValue("Previewed live");
        click(alice, "Save & close");
        deliverPushes();

        assertThat(Screens.banner(bob)).isEqualTo("Free now — Edit");
        bob.activate();
        assertThat(bob.find(TextArea.class).withCaption("Notes").single().getValue())
                .isEqualTo("Previewed live");
        assertThat(viewers(bob)).isEmpty();
    }

    @Test
    void arrowKeysMoveThePreviewAndItsSubscriptionsWithoutOpeningAnOrder() {
        BrowserlessUIContext bob = signIn("bob");
        bob.navigate(OrdersView.class);
        togglePreview(bob);
        int subscriptionsBefore = live().subscriptions();

        // Per order previewed: its lock and saves, resynchronisations for both, and its viewers.
        // Three arrow keys in one round trip: the last order reached is shown.
        focusRow(bob, 40);
        focusRow(bob, 41);
        focusRow(bob, 42);
        bob.roundTrip();
        assertThat(previewedOrder(bob)).isEqualTo("Order OD-000043");
        focusRow(bob, 43);
        bob.roundTrip();
        assertThat(previewedOrder(bob)).isEqualTo("Order OD-000044");
        assertThat(bob.getCurrentView()).isInstanceOf(OrdersView.class);
        assertThat(live().subscriptions()).isEqualTo(subscriptionsBefore + 5);

        BrowserlessUIContext alice = signIn("alice");
        alice.navigate("orders/43/edit", OrderEditorView.class);
        deliverPushes();
        assertThat(Screens.banner(bob)).as("the order left behind").isEmpty();

        alice.navigate("orders/44/edit", OrderEditorView.class);
        deliverPushes();
        assertThat(Screens.banner(bob)).startsWith("Alice is editing this order since");

        int subscriptionsWhilePreviewing = live().subscriptions();
        togglePreview(bob);
        assertThat(live().subscriptions()).isEqualTo(subscriptionsWhilePreviewing - 5);
    }

    @Test
    void previewingAnOrderDoesNotCountAsLookingAtIt() {
        BrowserlessUIContext carol = signIn("carol");
        carol.navigate("orders/51", OrderView.class);
        BrowserlessUIContext bob = signIn("bob");
        bob.navigate(OrdersView.class);
        togglePreview(bob);

        bob.test(ordersGrid(bob)).select(50);
        bob.roundTrip();
        deliverPushes();

        assertThat(viewers(bob)).containsExactly("Carol");
        assertThat(viewers(carol)).isEmpty();
    }

    @Test
    void aDoubleClickStillOpensTheOrderWithThePreviewShown() {
        BrowserlessUIContext bob = signIn("bob");
        bob.navigate(OrdersView.class);
        togglePreview(bob);
        focusRow(bob, 5);
        bob.roundTrip();

        bob.test(ordersGrid(bob)).doubleClickRow(5);

        assertThat(bob.getCurrentView()).isInstanceOf(OrderEditorView.class);
        assertThat(((OrderEditorView) bob.getCurrentView()).getPageTitle())
                .isEqualTo("Edit order OD-000006 · Order Desk");
    }

    private void togglePreview(BrowserlessUIContext window) {
        window.activate();
        window.test(window.find(Button.class).withClassName("preview-toggle").single())
                .click();
        window.roundTrip();
    }

    private boolean previewShown(BrowserlessUIContext window) {
        window.activate();
        return window.find(Div.class).withClassName("order-preview").exists();
    }

    /** What the browser sends when the clerk moves to row {@code row} with the arrow keys. */
    private void focusRow(BrowserlessUIContext window, int row) {
        Grid<OrderSummary> grid = ordersGrid(window);
        OrderSummary item = window.test(grid).getRow(row);
        String key = grid.getDataCommunicator().getKeyMapper().key(item);
        ComponentUtil.fireEvent(grid, new CellFocusEvent<>(grid, true, key, null, "body"));
    }

    /** The previewed order's title; empty while nothing is previewed. */
    private String previewedOrder(BrowserlessUIContext window) {
        window.activate();
        Div preview = window.find(Div.class).withClassName("order-preview").single();
        return window.find(H3.class, preview).withClassName("preview-title").all().stream()
                .map(H3::getText)
                .findFirst()
                .orElse("");
    }

    private List<String> previewButtons(BrowserlessUIContext window) {
        window.activate();
        Div preview = window.find(Div.class).withClassName("order-preview").single();
        return window.find(Button.class, preview).all().stream()
                .map(Button::getText)
                .toList();
    }

    private List<String> viewers(BrowserlessUIContext window) {
        window.activate();
        return window.find(AvatarGroup.class).withClassName("order-viewers").all().stream()
                .filter(viewers -> viewers.isVisible())
                .flatMap(viewers -> viewers.getItems().stream())
                .map(AvatarGroupItem::getName)
                .toList();
    }
}
