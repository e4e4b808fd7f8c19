package org.orderdesk.security.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.orderdesk.security.CurrentUser;

/**
 * Logging out is a navigation, so that the view being left can ask first: an editor with unsaved
 * changes does, instead of losing them with the session.
 */
@Route(value = "logout", autoLayout = false)
@PageTitle("Log out · Order Desk")
@PermitAll
public class LogoutView extends VerticalLayout implements BeforeEnterObserver {

    private final CurrentUser currentUser;

    public LogoutView(CurrentUser currentUser) {
        this.currentUser = currentUser;
        add(new Paragraph("Logging out…"));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        currentUser.logout();
    }
}
