package org.orderdesk.bench.grid;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.browserless.SecuredBrowserlessApplicationContext;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.DataCommunicator;
import com.vaadin.flow.internal.ConstantPool;
import com.vaadin.flow.internal.StateTree;
import org.jspecify.annotations.Nullable;
import org.orderdesk.order.OrderStatus;
import org.orderdesk.order.OrderSummary;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A clerk's browserless window on the orders view: the real grid, its data provider, its lock
 * column and its filters. What a browser would ask of it (a range of rows, a filter) is set on the
 * server's side as the browser's request would set it, and a round trip then renders the answer
 * as the response to that request would carry it: rows fetched and turned into JSON, lock cells too.
 */
final class GridWindow {

    private final BrowserlessUIContext window;
    private final Grid<OrderSummary> grid;
    private final TextField search;
    private final ComboBox<OrderStatus> statusFilter;

    @SuppressWarnings("unchecked")
    GridWindow(SecuredBrowserlessApplicationContext<Authentication> app, UserDetails clerk) {
        this.window = app.newUser(
                        UsernamePasswordAuthenticationToken.authenticated(clerk, null, clerk.getAuthorities()))
                .newWindow();
        window.activate();
        window.getUI().navigate("orders");
        respond();
        this.grid = window.find(Grid.class).withClassName("orders-grid").single();
        this.search =
                window.find(TextField.class).withAriaLabel("Search orders").single();
        this.statusFilter = window.find(ComboBox.class).withAriaLabel("Status").single();
    }

    /** Takes the lock column out of this window's grid: the grid as it would be without it. */
    GridWindow withoutLockColumn() {
        window.activate();
        grid.removeColumn(grid.getColumnByKey("lock"));
        respond();
        return this;
    }

    /** Makes this window the one requests act in; not part of any request's time. */
    void activate() {
        window.activate();
    }

    /** The browser asks for the rows of {@code page} (scrolling there), and gets them. */
    void show(int page) {
        DataCommunicator<OrderSummary> rows = grid.getDataCommunicator();
        rows.setViewportRange(page * grid.getPageSize(), grid.getPageSize());
        respond();
    }

    /** The clerk types {@code text} into the search field and gets the rows and their count. */
    void search(String text) {
        filter(search, text);
    }

    /** The clerk picks {@code status}, or clears it, and gets the rows and their count. */
    void status(@Nullable OrderStatus status) {
        filter(statusFilter, status);
    }

    private <V> void filter(HasValue<?, V> field, V value) {
        field.setValue(value);
        respond();
    }

    /**
     * What the server does before it answers a request, in its order: runs what waits for the
     * response (the grid fetches and renders the rows asked for), then encodes the changes as the
     * response's JSON. (A browserless round trip collects first, which would leave this step's
     * encoding to the next step.)
     */
    private void respond() {
        StateTree tree = window.getUI().getInternals().getStateTree();
        tree.runExecutionsBeforeClientResponse();
        ConstantPool constants = new ConstantPool();
        tree.collectChanges(change -> change.toJson(constants));
    }

    /** Pages of {@code rows} rows from now on, as a taller grid would ask for. */
    void pageSize(int rows) {
        window.activate();
        grid.setPageSize(rows);
        respond();
    }

    int rowCount() {
        return grid.getDataCommunicator().getItemCount();
    }
}
