package org.orderdesk.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import org.orderdesk.lock.ui.LocksView;
import org.orderdesk.order.ui.OrderAlerts;
import org.orderdesk.order.ui.OrdersView;
import org.orderdesk.security.CurrentUser;
import org.orderdesk.security.ui.LogoutView;

/**
 * The frame around every view: title, navigation, who is signed in, and the alerts about orders
 * the clerk waits for.
 */
@Layout
@PermitAll
@JavaScript(Countdown.SCRIPT)
public class MainLayout extends AppLayout {

    private final Clock clock;

    public MainLayout(CurrentUser currentUser, OrderAlerts alerts, Clock clock) {
        this.clock = clock;
        addClassName("main-layout");
        setPrimarySection(Section.NAVBAR);

        Span title = new Span("Order Desk");
        title.addClassName("app-title");

        String displayName = currentUser.displayName();
        Avatar avatar = new Avatar(displayName);
        avatar.addClassName("current-user-avatar");
        Span userName = new Span(displayName);
        userName.addClassName("current-user");
        // Through a route: the view being left (an editor with unsaved changes) may ask first.
        Button logout =
                new Button("Log out", VaadinIcon.SIGN_OUT.create(), click -> getUI().ifPresent(LogoutView::logOut));
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);

        HorizontalLayout user = new HorizontalLayout(avatar, userName, logout);
        user.setAlignItems(FlexComponent.Alignment.CENTER);
        user.addClassName("user-area");

        addToNavbar(new DrawerToggle(), title, user, alerts);
        addToDrawer(navigation(currentUser));
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        Countdown.syncClock(attach.getUI(), clock.instant());
    }

    private static SideNav navigation(CurrentUser currentUser) {
        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem("Orders", OrdersView.class, VaadinIcon.LIST.create()));
        if (currentUser.isSupervisor()) {
            nav.addItem(new SideNavItem("Locks", LocksView.class, VaadinIcon.LOCK.create()));
        }
        return nav;
    }
}
