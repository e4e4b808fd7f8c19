package org.orderdesk.order.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import org.orderdesk.database.DatabaseAvailability;
import org.orderdesk.order.OrderLockBoard;
import org.orderdesk.order.OrderService;
import org.orderdesk.preferences.GridPreferences;
import org.orderdesk.security.SignedInUser;
import org.orderdesk.ui.LiveUpdates;

/**
 * The orders grid as a clerk has it, but without the lock column and lock subscriptions: a route
 * of the benchmarks only (src/bench), so that a session's heap can be measured with and without
 * what the locks add. A composite rather than a subclass, which would inherit the view's routes.
 */
@Route("bench/orders-without-locks")
@PermitAll
class OrdersViewWithoutLocks extends Composite<OrdersView> {

    private final OrdersView view;

    OrdersViewWithoutLocks(
            OrderService orderService,
            OrderLockBoard board,
            SignedInUser currentUser,
            LiveUpdates live,
            GridPreferences preferences,
            DatabaseAvailability database,
            Clock clock) {
        this.view = new OrdersView(orderService, board, currentUser, live, preferences, database, clock, false);
    }

    @Override
    protected OrdersView initContent() {
        return view;
    }
}
