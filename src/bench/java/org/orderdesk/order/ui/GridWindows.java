package org.orderdesk.order.ui;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import org.orderdesk.order.OrderSummary;

/**
 * Opens the orders grid in a clerk's browserless window as the browser would: the view, then the
 * first page of rows, which the browser asks for once the grid is shown.
 *
 * <p>A browserless round trip writes no response, so the JavaScript calls queued for the browser
 * would pile up in the UI for good, each holding the elements it names, even detached ones. A new
 * window first shows the orders view at {@code ""}; leaving it for another route in the same
 * "request" kept that whole first view alive through its queued calls, a second orders view per
 * session. After each step the calls are taken from the UI as a response would take them.
 */
public final class GridWindows {

    /** Rows the browser asks for first: a screenful and a little more. */
    public static final int FIRST_PAGE = 50;

    private GridWindows() {}

    /** The orders grid with its lock column and lock subscriptions, as every clerk has it. */
    public static Grid<OrderSummary> openOrders(BrowserlessUIContext window) {
        return open(window, OrdersView.class);
    }

    /** The same grid without the lock column and the lock subscriptions. */
    public static Grid<OrderSummary> openOrdersWithoutLocks(BrowserlessUIContext window) {
        return open(window, OrdersViewWithoutLocks.class);
    }

    private static Grid<OrderSummary> open(BrowserlessUIContext window, Class<? extends Component> view) {
        window.activate();
        respond(window);
        window.navigate(view);
        respond(window);
        Grid<OrderSummary> grid = Screens.ordersGrid(window);
        grid.getDataCommunicator().setViewportRange(0, FIRST_PAGE);
        respond(window);
        return grid;
    }

    /** The end of a request: what changed is collected, and the queued JavaScript calls are sent. */
    private static void respond(BrowserlessUIContext window) {
        window.roundTrip();
        UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations();
    }
}
