package org.orderdesk.order.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.orderdesk.IntegrationTest;
import org.orderdesk.database.DatabaseAvailability;
import org.orderdesk.event.EventBroadcaster;
import org.orderdesk.order.OrderLockBoard;
import org.orderdesk.order.OrderService;
import org.orderdesk.preferences.GridPreferences;
import org.orderdesk.security.SignedInUser;
import org.orderdesk.ui.LiveUpdates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The orders view built without its lock features, as the session-heap benchmark builds it to
 * measure what they cost: the same grid, without the lock column and without lock subscriptions.
 */
@IntegrationTest
@WithUserDetails("alice")
class OrdersViewWithoutLockFeaturesTest extends SpringBrowserlessTest {

    @Autowired
    OrderService orders;

    @Autowired
    OrderLockBoard board;

    @Autowired
    SignedInUser currentUser;

    @Autowired
    LiveUpdates live;

    @Autowired
    GridPreferences preferences;

    @Autowired
    DatabaseAvailability database;

    @Autowired
    Clock clock;

    @Autowired
    EventBroadcaster broadcaster;

    @Test
    void hasNoLockColumnAndFollowsNoLocks() {
        OrdersView withLocks = view(true);
        OrdersView withoutLocks = view(false);
        int before = broadcaster.subscriberCount();
        UI.getCurrent().add(withLocks);
        int withLocksSubscribe = broadcaster.subscriberCount() - before;
        UI.getCurrent().add(withoutLocks);
        int withoutLocksSubscribe = broadcaster.subscriberCount() - before - withLocksSubscribe;

        assertThat(grid(withLocks).getColumnByKey("lock")).isNotNull();
        assertThat(grid(withoutLocks).getColumnByKey("lock")).isNull();
        assertThat(grid(withoutLocks).getColumns())
                .hasSize(grid(withLocks).getColumns().size() - 1);
        // The lock events and resynchronisations are what the lock features follow.
        assertThat(withLocksSubscribe - withoutLocksSubscribe).isEqualTo(2);
    }

    private OrdersView view(boolean lockFeatures) {
        return new OrdersView(orders, board, currentUser, live, preferences, database, clock, lockFeatures);
    }

    private static OrdersGrid grid(OrdersView view) {
        return (OrdersGrid) view.getChildren()
                .filter(OrdersGrid.class::isInstance)
                .findFirst()
                .orElseThrow();
    }
}
