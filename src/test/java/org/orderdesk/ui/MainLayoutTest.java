package org.orderdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.junit.jupiter.api.Test;
import org.orderdesk.IntegrationTest;
import org.orderdesk.lock.ui.LocksView;
import org.orderdesk.order.ui.OrdersView;
import org.springframework.security.test.context.support.WithUserDetails;

@IntegrationTest
class MainLayoutTest extends SpringBrowserlessTest {

    @Test
    @WithUserDetails("alice")
    void clerkSeesTheirNameAndOnlyTheOrders() {
        navigate(OrdersView.class);

        assertThat($(Span.class).withClassName("current-user").single().getText())
                .isEqualTo("Alice");
        assertThat($(SideNavItem.class).all()).extracting(SideNavItem::getLabel).containsExactly("Orders");
    }

    @Test
    @WithUserDetails("alice")
    void clerkCannotOpenTheLocksView() {
        navigate(OrdersView.class);

        UI.getCurrent().navigate(LocksView.class);

        assertThat(getCurrentView()).isNotInstanceOf(LocksView.class);
    }

    @Test
    @WithUserDetails("sam")
    void supervisorAlsoSeesTheLocks() {
        navigate(LocksView.class);

        assertThat($(Span.class).withClassName("current-user").single().getText())
                .isEqualTo("Sam");
        assertThat($(SideNavItem.class).all()).extracting(SideNavItem::getLabel).containsExactly("Orders", "Locks");
    }
}
