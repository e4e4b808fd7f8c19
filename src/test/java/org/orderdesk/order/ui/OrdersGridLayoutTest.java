package org.orderdesk.order.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.grid.ColumnReorderEvent;
import com.vaadin.flow.component.grid.ColumnResizeEvent;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarTester;
import com.vaadin.flow.data.provider.SortDirection;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.orderdesk.order.OrderSummary;
import org.orderdesk.preferences.ColumnLayout;
import org.orderdesk.preferences.GridLayout;
import org.orderdesk.preferences.GridPreferences;
import org.orderdesk.preferences.SortColumn;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A clerk's arrangement of the orders grid (column order, widths, hidden columns, sort) follows
 * the clerk to a new session, and leaves every other clerk's grid as it was.
 */
class OrdersGridLayoutTest extends ClerksTest {

    private static final List<String> DEFAULT_ORDER = List.of(
            "orderNumber",
            "lock",
            "customer",
            "status",
            "orderDate",
            "requestedDeliveryDate",
            "total",
            "lastChangedBy",
            "lastChangedAt",
            "edit");

    @Autowired
    GridPreferences preferences;

    @AfterEach
    void forgetTheLayouts() {
        jdbc.sql("delete from grid_preferences").update();
    }

    @Test
    void aClerksMovedResizedHiddenAndSortedColumnsFollowHerToANewSession() {
        BrowserlessUIContext alice = signIn("alice");
        alice.navigate(OrdersView.class);

        moveColumn(alice, "total", 1);
        resizeColumn(alice, "customer", "321px");
        chooseColumn(alice, "Status");
        alice.test(ordersGrid(alice)).sortByColumn("total", SortDirection.DESCENDING);

        BrowserlessUIContext aliceElsewhere = signIn("alice");
        aliceElsewhere.navigate(OrdersView.class);
        Grid<OrderSummary> grid = ordersGrid(aliceElsewhere);
        assertThat(shownColumns(aliceElsewhere))
                .containsExactly(
                        "orderNumber",
                        "total",
                        "lock",
                        "customer",
                        "orderDate",
                        "requestedDeliveryDate",
                        "lastChangedBy",
                        "lastChangedAt",
                        "edit");
        assertThat(grid.getColumnByKey("customer").getWidth()).isEqualTo("321px");
        assertThat(grid.getColumnByKey("customer").getFlexGrow()).isZero();
        assertThat(grid.getColumnByKey("status").isVisible()).isFalse();
        assertThat(chooser(aliceElsewhere).isItemChecked("Columns", "Status")).isFalse();
        assertThat(chooser(aliceElsewhere).isItemChecked("Columns", "Customer")).isTrue();
        assertThat(sortOf(grid)).containsExactly("total DESCENDING");
        assertThat(aliceElsewhere.test(grid).getRow(0).total())
                .isGreaterThanOrEqualTo(aliceElsewhere.test(grid).getRow(1).total());

        BrowserlessUIContext bob = signIn("bob");
        bob.navigate(OrdersView.class);
        assertThat(shownColumns(bob)).isEqualTo(DEFAULT_ORDER);
        assertThat(ordersGrid(bob).getColumnByKey("customer").getWidth()).isEqualTo("12rem");
        assertThat(sortOf(ordersGrid(bob))).isEmpty();
    }

    @Test
    void aHiddenColumnCanBeShownAgainAndTheLastShownColumnStays() {
        BrowserlessUIContext alice = signIn("alice");
        alice.navigate(OrdersView.class);
        chooseColumn(alice, "Customer");
        assertThat(shownColumns(alice)).doesNotContain("customer");

        chooseColumn(alice, "Customer");

        assertThat(shownColumns(alice)).isEqualTo(DEFAULT_ORDER);
        for (String header : List.of(
                "Number",
                "Lock",
                "Customer",
                "Status",
                "Order date",
                "Delivery date",
                "Total",
                "Changed by",
                "Changed at")) {
            chooseColumn(alice, header);
        }
        // Every column with a header was unticked; the last one stays, with the Edit buttons.
        assertThat(shownColumns(alice)).containsExactly("lastChangedAt", "edit");
        assertThat(chooser(alice).isItemChecked("Columns", "Changed at")).isTrue();
    }

    @Test
    void resetColumnsPutsThemBackAsTheyCameAndKeepsTheSort() {
        BrowserlessUIContext alice = signIn("alice");
        alice.navigate(OrdersView.class);
        moveColumn(alice, "customer", 0);
        resizeColumn(alice, "total", "200px");
        chooseColumn(alice, "Lock");
        alice.test(ordersGrid(alice)).sortByColumn("customer", SortDirection.ASCENDING);

        chooser(alice).clickItem("Columns", "Reset columns");

        assertThat(shownColumns(alice)).isEqualTo(DEFAULT_ORDER);
        assertThat(ordersGrid(alice).getColumnByKey("total").getWidth()).isEqualTo("7rem");
        assertThat(chooser(alice).isItemChecked("Columns", "Lock")).isTrue();
        BrowserlessUIContext aliceElsewhere = signIn("alice");
        aliceElsewhere.navigate(OrdersView.class);
        assertThat(shownColumns(aliceElsewhere)).isEqualTo(DEFAULT_ORDER);
        assertThat(sortOf(ordersGrid(aliceElsewhere))).containsExactly("customer ASCENDING");
    }

    @Test
    void aRememberedColumnTheGridNoLongerHasIsIgnored() {
        preferences.saveLayout(
                "alice",
                OrdersView.GRID_NAME,
                new GridLayout(
                        List.of(
                                new ColumnLayout("client", "500px", true),
                                new ColumnLayout("customer", "250px", false),
                                new ColumnLayout("orderNumber", null, false)),
                        List.of(new SortColumn("client", true), new SortColumn("customer", true))));

        BrowserlessUIContext alice = signIn("alice");
        alice.navigate(OrdersView.class);

        assertThat(shownColumns(alice).subList(0, 3)).containsExactly("customer", "orderNumber", "lock");
        assertThat(ordersGrid(alice).getColumnByKey("customer").getWidth()).isEqualTo("250px");
        assertThat(sortOf(ordersGrid(alice))).containsExactly("customer DESCENDING");
    }

    /** What a browser sends when the clerk drags the column {@code key} to {@code index}. */
    private void moveColumn(BrowserlessUIContext window, String key, int index) {
        Grid<OrderSummary> grid = ordersGrid(window);
        List<Grid.Column<OrderSummary>> order = new ArrayList<>(currentOrder(grid));
        Grid.Column<OrderSummary> moved = grid.getColumnByKey(key);
        order.remove(moved);
        order.add(index, moved);
        ComponentUtil.fireEvent(grid, new ColumnReorderEvent<>(grid, true, order));
        window.roundTrip();
    }

    /** What a browser sends when the clerk drags the edge of the column {@code key}. */
    private void resizeColumn(BrowserlessUIContext window, String key, String width) {
        Grid<OrderSummary> grid = ordersGrid(window);
        Grid.Column<OrderSummary> column = grid.getColumnByKey(key);
        column.setWidth(width);
        column.setFlexGrow(0);
        ComponentUtil.fireEvent(grid, new ColumnResizeEvent<>(grid, true, internalId(column)));
        window.roundTrip();
    }

    private void chooseColumn(BrowserlessUIContext window, String header) {
        chooser(window).clickItem("Columns", header);
        window.roundTrip();
    }

    private MenuBarTester<MenuBar> chooser(BrowserlessUIContext window) {
        window.activate();
        return window.test(
                window.find(MenuBar.class).withClassName("column-chooser").single());
    }

    /** The keys of the columns shown, in the order shown. */
    private List<String> shownColumns(BrowserlessUIContext window) {
        return currentOrder(ordersGrid(window)).stream()
                .filter(Grid.Column::isVisible)
                .map(Grid.Column::getKey)
                .toList();
    }

    /** The columns in the order the browser is told to show them. */
    private static List<Grid.Column<OrderSummary>> currentOrder(Grid<OrderSummary> grid) {
        return grid.getElement()
                .getChildren()
                .map(child -> child.getComponent().orElse(null))
                .filter(Grid.Column.class::isInstance)
                .map(child -> grid.getColumns().stream()
                        .filter(column -> column == child)
                        .findFirst()
                        .orElseThrow())
                .toList();
    }

    private static List<String> sortOf(Grid<OrderSummary> grid) {
        return grid.getSortOrder().stream()
                .map((GridSortOrder<OrderSummary> by) -> by.getSorted().getKey() + " " + by.getDirection())
                .toList();
    }

    private static String internalId(Grid.Column<?> column) {
        try {
            Method internalId = Grid.Column.class.getDeclaredMethod("getInternalId");
            internalId.setAccessible(true);
            return (String) internalId.invoke(column);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
