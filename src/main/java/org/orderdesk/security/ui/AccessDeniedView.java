package org.orderdesk.security.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.orderdesk.ui.Home;
import org.orderdesk.ui.MainLayout;

/**
 * Where a signed-in user lands on a page their role does not allow (a clerk opening {@code
 * /locks}): says so and whom the page is for, instead of Vaadin's "Could not navigate". Vaadin's
 * navigation access control reroutes such users here in development and production mode alike;
 * users who are not signed in go to the login instead.
 */
@ParentLayout(MainLayout.class)
@PageTitle("No access · Order Desk")
@PermitAll
class AccessDeniedView extends VerticalLayout implements HasErrorParameter<AccessDeniedException> {

    private final Paragraph explanation = new Paragraph();

    AccessDeniedView() {
        addClassName("access-denied");
        setAlignItems(Alignment.CENTER);
        RouterLink back = Home.link("Back to orders");
        back.addClassName("back-link");
        add(VaadinIcon.BAN.create(), new H2("You don't have access to this page"), explanation, back);
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        explanation.setText(whomFor(event.getLocation().getPath()));
        return HttpServletResponse.SC_FORBIDDEN;
    }

    /** "The Locks view is for supervisors." from the page's own title and roles, where it has them. */
    private static String whomFor(String path) {
        Class<? extends Component> page =
                RouteConfiguration.forApplicationScope().getRoute(path).orElse(null);
        RolesAllowed roles = page == null ? null : page.getAnnotation(RolesAllowed.class);
        if (roles == null || roles.value().length == 0) {
            return "Your account does not allow it.";
        }
        // Role names are singular nouns: SUPERVISOR → "supervisors".
        String people = Arrays.stream(roles.value())
                .map(role -> role.toLowerCase(Locale.ROOT) + "s")
                .collect(Collectors.joining(" or "));
        PageTitle title = page.getAnnotation(PageTitle.class);
        // Titles read "Locks · Order Desk"; the first part names the view.
        String view = title == null ? "This page" : "The " + title.value().split(" · ")[0] + " view";
        return view + " is for " + people + ".";
    }
}
