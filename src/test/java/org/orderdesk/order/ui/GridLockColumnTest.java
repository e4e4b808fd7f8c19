package org.orderdesk.order.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.data.provider.DataChangeEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.orderdesk.lock.LockInfo;
import org.orderdesk.lock.ResourceId;
import org.orderdesk.order.OrderSummary;

/** The grid's lock column, live. Order n is row n - 1 in the grid's default order. */
class GridLockColumnTest extends ClerksTest {

    @Test
    void bobSeesAlicesLockWithItsEndAsSoonAsSheTakesItAndSeesItGoWhenSheLeaves() {
        BrowserlessUIContext bob = signIn("bob");
        bob.navigate(OrdersView.class);
        assertThat(lockHolder(bob, 1)).isEmpty();
        List<DataChangeEvent<OrderSummary>> refreshes = new CopyOnWriteArrayList<>();
        ordersGrid(bob).getDataProvider().addDataProviderListener(refreshes::add);
        BrowserlessUIContext alice = signIn("alice");

        alice.navigate("orders/1/edit", OrderEditorView.class);
        deliverPushes();

        // Only the row was refreshed, not the page.
        assertThat(refreshes)
                .singleElement()
                .isInstanceOfSatisfying(
                        DataChangeEvent.DataRefreshEvent.class,
                        refresh -> assertThat(((OrderSummary) refresh.getItem()).id())
                                .isEqualTo(1L));

        LockInfo lock = locks.find(ResourceId.order(1)).orElseThrow();
        assertThat(lockHolder(bob, 1)).isEqualTo("Alice");
        assertThat(cell(bob, 1, "lockEnd"))
                .isEqualTo(Long.toString(lock.expiresAt().toEpochMilli()));
        assertThat(cell(bob, 1, "lockState")).isEqualTo("held");
        assertThat(lockHolder(bob, 2)).isEmpty();

        alice.activate();
        click(alice, "Cancel");
        deliverPushes();

        assertThat(lockHolder(bob, 1)).isEmpty();
    }

    @Test
    void aRenewalMovesTheEndAndAnExpiryWarningMarksTheRow() {
        BrowserlessUIContext bob = signIn("bob");
        bob.navigate(OrdersView.class);
        BrowserlessUIContext alice = signIn("alice");
        OrderEditorView editor = alice.navigate("orders/2/edit", OrderEditorView.class);
        deliverPushes();

        clock.advance(settings.renewInterval());
        alice.activate();
        editor.renewLock(0);
        deliverPushes();
        LockInfo renewed = locks.find(ResourceId.order(2)).orElseThrow();
        assertThat(cell(bob, 2, "lockEnd"))
                .isEqualTo(Long.toString(renewed.expiresAt().toEpochMilli()));

        clock.advance(settings.lease().minus(settings.warnBefore()));
        sweeper.sweep();
        deliverPushes();

        assertThat(cell(bob, 2, "lockState")).isEqualTo("expiring");
    }

    @Test
    void aClerksOwnLockReadsYouOtherTabInTheSameBrowserAndYouFromAnotherOne() {
        BrowserlessUIContext editingTab = signIn("alice");
        BrowserlessUIContext gridTab = newTab(editingTab);
        gridTab.navigate(OrdersView.class);
        BrowserlessUIContext otherBrowser = signIn("alice");
        otherBrowser.navigate(OrdersView.class);

        editingTab.activate();
        editingTab.navigate("orders/3/edit", OrderEditorView.class);
        deliverPushes();

        assertThat(lockHolder(gridTab, 3)).isEqualTo("you, other tab");
        assertThat(lockHolder(otherBrowser, 3)).isEqualTo("you");
    }

    @Test
    void aGridOpenedWhileAnOrderIsLockedShowsTheLock() {
        BrowserlessUIContext alice = signIn("alice");
        alice.navigate("orders/4/edit", OrderEditorView.class);

        BrowserlessUIContext bob = signIn("bob");
        bob.navigate(OrdersView.class);

        assertThat(lockHolder(bob, 4)).isEqualTo("Alice");
    }

    private String lockHolder(BrowserlessUIContext window, long orderId) {
        return cell(window, orderId, "lockHolder");
    }

    private String cell(BrowserlessUIContext window, long orderId, String property) {
        window.activate();
        GridTester<Grid<OrderSummary>, OrderSummary> grid = window.test(ordersGrid(window));
        int row = (int) orderId - 1;
        assertThat(grid.getRow(row).id()).isEqualTo(orderId);
        return grid.getLitRendererPropertyValue(row, "lock", property, String.class);
    }
}
