package org.orderdesk.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.util.List;
import org.orderdesk.security.SignedInUser;

/**
 * The frame around every view: title, navigation, who is signed in, and the alerts about orders
 * the clerk waits for.
 */
@Layout
@PermitAll
@JavaScript(Countdown.SCRIPT)
public class MainLayout extends AppLayout {

    private final Clock clock;

    public MainLayout(SignedInUser currentUser, List<NavbarItem> navbarItems, Clock clock) {
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
                new Button("Log out", VaadinIcon.SIGN_OUT.create(), click -> getUI().ifPresent(LogoutRequest::send));
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);

        HorizontalLayout user = new HorizontalLayout(avatar, userName, logout);
        user.setAlignItems(FlexComponent.Alignment.CENTER);
        user.addClassName("user-area");

        addToNavbar(new DrawerToggle(), title, user);
        navbarItems.forEach(item -> addToNavbar(item.asComponent()));
        addToDrawer(navigation());
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        Countdown.syncClock(attach.getUI(), clock.instant());
    }

    /** The views marked for the menu that this user may open, in their order. */
    private static SideNav navigation() {
        SideNav nav = new SideNav();
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(entry.title(), entry.menuClass());
            if (entry.icon() != null) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            nav.addItem(item);
        }
        return nav;
    }
}
