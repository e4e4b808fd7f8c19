package org.orderdesk.order.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.Objects;
import org.orderdesk.order.EditSession;
import org.orderdesk.order.OrderChangedException;
import org.orderdesk.ui.Formats;

/** The editor's sentences for the clerk, shared by the editor's parts. */
final class EditorTexts {

    /** The status while the database does not answer, and what a save meanwhile is told. */
    static final String DATABASE_LOST_STATUS = "Connection to the database lost — your changes are kept; trying again";

    static final String DATABASE_LOST = DATABASE_LOST_STATUS + ".";

    static final String DATABASE_BACK = "Connection to the database is back — you still hold the lock.";

    static final String CANNOT_OPEN =
            "Could not open the order for editing: the database is not answering. Try again once it is back.";

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
