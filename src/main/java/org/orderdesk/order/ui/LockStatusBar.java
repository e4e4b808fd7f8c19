package org.orderdesk.order.ui;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.time.Duration;
import java.time.Instant;
import org.orderdesk.ui.Formats;

/**
 * "You are editing · lock ends 10:35:12 (1:58)". The browser counts the time left down by
 * itself (the span marked {@code data-lock-countdown}); the server sets it again on each renewal.
 */
final class LockStatusBar extends Div {

    private final Span state = new Span();
    private final Span endsAt = new Span();

    LockStatusBar() {
        addClassName("lock-status");
        getElement().setAttribute("role", "status");
        endsAt.addClassName("lock-ends");
    }

    void showHeld(Instant expiresAt, Duration remaining) {
        removeClassName("lost");
        state.setText("You are editing · lock ends ");
        endsAt.setText(Formats.time(expiresAt));
        removeAll();
        add(
                VaadinIcon.LOCK.create(),
                new Span(state, endsAt, new Text(" ("), LockCountdown.showing(remaining), new Text(")")));
    }

    void showLost() {
        addClassName("lost");
        state.setText("You no longer hold the lock: your changes are kept below, read-only");
        removeAll();
        add(VaadinIcon.UNLOCK.create(), state);
    }
}
