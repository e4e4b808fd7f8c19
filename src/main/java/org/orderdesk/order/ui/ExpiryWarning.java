package org.orderdesk.order.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.time.Duration;

/**
 * "Your lock on order OD-000042 ends in 0:59 — Keep editing / Release". A notification, not a
 * dialog: it never takes the focus, so the keys a clerk is typing keep going into the form.
 */
final class ExpiryWarning {

    private final Notification notification = new Notification();
    private final Span message = new Span();
    private final HorizontalLayout content = new HorizontalLayout();
    private Span countdown = new Span();

    ExpiryWarning(Runnable keepEditing, Runnable release) {
        notification.addClassName("lock-expiry-warning");
        notification.addThemeVariants(NotificationVariant.LUMO_WARNING);
        notification.setPosition(Notification.Position.TOP_CENTER);
        notification.setDuration(0);
        notification.getElement().setAttribute("role", "alert");
        Button keep = new Button("Keep editing", click -> keepEditing.run());
        keep.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button give = new Button("Release", click -> release.run());
        content.add(message, countdown, keep, give);
        content.setAlignItems(FlexComponent.Alignment.CENTER);
        notification.add(content);
    }

    /** The notification, to be added to the editor so that it leaves with the editor. */
    Notification component() {
        return notification;
    }

    void show(String orderName, Duration remaining) {
        message.setText("Your lock on " + orderName + " ends in");
        Span left = LockCountdown.showing(remaining);
        content.replace(countdown, left);
        countdown = left;
        notification.open();
    }

    void close() {
        notification.close();
    }
}
