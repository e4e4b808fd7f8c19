package org.orderdesk.order.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;
import org.orderdesk.order.OrderNotFoundException;
import org.orderdesk.ui.MainLayout;

/** Shown for any order URL that names no order: a clear message and the way back, never a stack trace. */
@ParentLayout(MainLayout.class)
@PageTitle("Order not found · Order Desk")
@PermitAll
class OrderNotFoundView extends VerticalLayout implements HasErrorParameter<OrderNotFoundException> {

    private final Paragraph explanation = new Paragraph();

    OrderNotFoundView() {
        addClassName("order-not-found");
        setAlignItems(Alignment.CENTER);
        RouterLink back = new RouterLink("Back to orders", OrdersView.class);
        back.addClassName("back-link");
        add(VaadinIcon.SEARCH_MINUS.create(), new H2("Order not found"), explanation, back);
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<OrderNotFoundException> parameter) {
        String requested = parameter.getException().requestedId();
        explanation.setText(
                requested.isBlank()
                        ? "No order was given."
                        : "There is no order “" + abbreviate(requested)
                                + "”. It may have been deleted, or the link is wrong.");
        return HttpServletResponse.SC_NOT_FOUND;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
