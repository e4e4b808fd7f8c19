package org.orderdesk.order.ui;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.grid.Grid;
import org.orderdesk.order.OrderSummary;

/**
 * Opens the orders grid in a clerk's browserless window as the browser would: the view, then the
 * first page of rows, which the browser asks for once the grid is shown.
 */
public final class GridWindows {

    /** Rows the browser asks for first: a screenful and a little more. */
    public static final int FIRST_PAGE = 50;

    private GridWindows() {}

    /** The orders grid with its lock column and lock subscriptions, as every clerk has it. */
    public static Grid<OrderSummary> openOrders(BrowserlessUIContext window) {
        window.activate();
        window.navigate(OrdersView.class);
        return firstPageLoaded(window);
    }

    /** The same grid without the lock column and the lock subscriptions. */
    public static Grid<OrderSummary> openOrdersWithoutLocks(BrowserlessUIContext window) {
        window.activate();
        window.navigate(OrdersViewWithoutLocks.class);
        return firstPageLoaded(window);
    }

    private static Grid<OrderSummary> firstPageLoaded(BrowserlessUIContext window) {
        Grid<OrderSummary> grid = Screens.ordersGrid(window);
        grid.getDataCommunicator().setViewportRange(0, FIRST_PAGE);
        window.roundTrip();
        return grid;
    }
}
