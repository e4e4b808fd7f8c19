package org.orderdesk.order.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.Objects;
import org.orderdesk.order.EditSession;
import org.orderdesk.order.OrderChangedException;
import org.orderdesk.ui.Formats;

/** The editor's sentences for the clerk, shared by the editor's parts. */
final class EditorTexts {

    private EditorTexts() {}

    /** "order OD-000042", or "this order" while the session holds none. */
    static String orderName(EditSession session) {
        return session.order().map(order -> "order " + order.getOrderNumber()).orElse("this order");
    }

    /** "Bob saved order OD-000042 at … after you opened it". */
    static String changed(OrderChangedException changed, String orderName) {
        String by = Objects.requireNonNullElse(changed.changedBy(), "Someone");
        String at = changed.changedAt() == null ? "" : " at " + Formats.dateTime(changed.changedAt());
        return by + " saved " + orderName + at + " after you opened it";
    }

    static void notify(String message, NotificationVariant variant) {
        Notification.show(message, 5000, Notification.Position.BOTTOM_START).addThemeVariants(variant);
    }
}
