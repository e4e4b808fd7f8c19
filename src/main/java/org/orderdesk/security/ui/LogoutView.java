package org.orderdesk.security.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import org.orderdesk.security.SignedInUser;
import org.orderdesk.ui.Home;
import org.orderdesk.ui.LogoutRequest;

/**
 * Logging out is a POST to {@code /logout} with the session's CSRF token ({@link LogoutForm}),
 * handled by Spring Security's logout filter. The app's Log out button navigates here first, so
 * that the view being left can ask (an editor with unsaved changes does), and this view then has
 * the browser post the form. Any other arrival, such as a link from another site, only offers the
 * button: opening {@code /logout} signs nobody out.
 */
@Route(value = LogoutRequest.PATH, autoLayout = false)
@PageTitle("Log out · Order Desk")
@PermitAll
class LogoutView extends VerticalLayout implements BeforeEnterObserver {

    private final LogoutForm form = new LogoutForm();
    private final VerticalLayout offer = new VerticalLayout();

    LogoutView(SignedInUser currentUser) {
        addClassName("logout-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        Button logOut = new Button("Log out", VaadinIcon.SIGN_OUT.create(), click -> form.submit());
        logOut.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        RouterLink back = Home.link("Back to orders");
        HorizontalLayout actions = new HorizontalLayout(logOut, back);
        actions.setAlignItems(Alignment.BASELINE);
        offer.setAlignItems(Alignment.CENTER);
        offer.add(
                new H2("Log out of Order Desk?"),
                new Paragraph("You are signed in as " + currentUser.displayName() + "."),
                actions);
        add(form, offer);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        UI ui = event.getUI();
        if (LogoutRequest.take(ui)) {
            offer.removeAll();
            offer.add(new Paragraph("Logging out…"));
            form.submit();
        }
    }
}
