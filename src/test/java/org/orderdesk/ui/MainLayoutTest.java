package org.orderdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.junit.jupiter.api.Test;
import org.orderdesk.IntegrationTest;
import org.springframework.security.test.context.support.WithUserDetails;

/** The views reach the layout only by their routes, as the menu does: the layout imports none of them. */
@IntegrationTest
class MainLayoutTest extends SpringBrowserlessTest {

    @Test
    @WithUserDetails("alice")
    void clerkSeesTheirNameAndOnlyTheOrders() {
        navigate("orders", Component.class);

        assertThat($(Span.class).withClassName("current-user").single().getText())
                .isEqualTo("Alice");
        assertThat($(SideNavItem.class).all()).extracting(SideNavItem::getLabel).containsExactly("Orders");
    }

    @Test
    @WithUserDetails("alice")
    void clerkCannotOpenTheLocksView() {
        navigate("orders", Component.class);

        UI.getCurrent().navigate("locks");

        assertThat(getCurrentView().getClass().getSimpleName()).isNotEqualTo("LocksView");
    }

    @Test
    @WithUserDetails("sam")
    void supervisorAlsoSeesTheLocks() {
        navigate("locks", Component.class);
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("LocksView");

        assertThat($(Span.class).withClassName("current-user").single().getText())
                .isEqualTo("Sam");
        assertThat($(SideNavItem.class).all()).extracting(SideNavItem::getLabel).containsExactly("Orders", "Locks");
    }
}
