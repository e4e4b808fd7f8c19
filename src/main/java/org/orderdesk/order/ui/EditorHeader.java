package org.orderdesk.order.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.Objects;
import org.orderdesk.order.Order;
import org.orderdesk.order.OrderLockBoard;
import org.orderdesk.ui.LiveUpdates;

/** "Edit order OD-000042", and who else has the order open. */
final class EditorHeader extends HorizontalLayout {

    EditorHeader(Order order, OrderLockBoard board, LiveUpdates live, String username) {
        H2 title = new H2("Edit order " + order.getOrderNumber());
        title.addClassName("order-title");
        OrderViewers viewers = new OrderViewers(board, live, Objects.requireNonNull(order.getId()), username);
        add(VaadinIcon.EDIT.create(), title, viewers);
        setAlignItems(FlexComponent.Alignment.CENTER);
    }
}
