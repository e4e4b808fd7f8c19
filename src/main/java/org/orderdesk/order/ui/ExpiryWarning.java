package org.orderdesk.order.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.time.Duration;

/**
 * "Your lock on order OD-000042 ends in 0:59 — Keep editing (Alt+K) / Release". A notification,
 * not a dialog: it never takes the focus, so the keys a clerk is typing keep going into the form;
 * its buttons come last in the page's Tab order, and {@link #SHORTCUT} keeps editing from anywhere
 * in the editor, also from inside a field. Its card is an assertive live region (role alert): a
 * screen reader reads it out once, with the time left in words; the visible countdown is hidden
 * from it, or it would be read out every second.
 */
final class ExpiryWarning {

    /** Keeps editing from anywhere in the editor; no browser or Vaadin component binds Alt+K. */
    static final Key SHORTCUT_KEY = Key.KEY_K;

    static final KeyModifier SHORTCUT_MODIFIER = KeyModifier.ALT;

    /** As the clerk reads it, and as {@code aria-keyshortcuts} announces it. */
    static final String SHORTCUT = "Alt+K";

    private final Notification notification = new Notification();
    private final Span message = new Span();
    private final Span spoken = new Span();
    private final HorizontalLayout content = new HorizontalLayout();
    private Span countdown = new Span();

    ExpiryWarning(Runnable keepEditing, Runnable release) {
        notification.addClassName("lock-expiry-warning");
        notification.addThemeVariants(NotificationVariant.LUMO_WARNING);
        notification.setPosition(Notification.Position.TOP_CENTER);
        notification.setDuration(0);
        notification.setAssertive(true);
        spoken.addClassName("sr-only");
        Button keep = new Button("Keep editing", click -> keepEditing.run());
        keep.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        keep.getElement().setAttribute("aria-keyshortcuts", SHORTCUT);
        Span hint = new Span(SHORTCUT);
        hint.addClassName("shortcut-hint");
        // The button's name stays "Keep editing"; aria-keyshortcuts tells the key.
        hint.getElement().setAttribute("aria-hidden", "true");
        keep.setSuffixComponent(hint);
        Button give = new Button("Release", click -> release.run());
        content.add(message, countdown, spoken, keep, give);
        content.setAlignItems(FlexComponent.Alignment.CENTER);
        notification.add(content);
    }

    /** The notification, to be added to the editor so that it leaves with the editor. */
    Notification component() {
        return notification;
    }

    void show(String orderName, Duration remaining) {
        message.setText("Your lock on " + orderName + " ends in");
        spoken.setText(inWords(remaining) + ". To keep editing, press " + SHORTCUT + ".");
        Span left = LockCountdown.showing(remaining);
        content.replace(countdown, left);
        countdown = left;
        notification.open();
    }

    void close() {
        notification.close();
    }

    /** "59 seconds", "1 minute 5 seconds": what a screen reader says for "0:59" and "1:05". */
    static String inWords(Duration remaining) {
        long seconds = Math.max(0, remaining.toSeconds());
        long minutes = seconds / 60;
        String secondsPart = (seconds % 60) + (seconds % 60 == 1 ? " second" : " seconds");
        if (minutes == 0) {
            return secondsPart;
        }
        String minutesPart = minutes + (minutes == 1 ? " minute" : " minutes");
        return seconds % 60 == 0 ? minutesPart : minutesPart + " " + secondsPart;
    }
}
