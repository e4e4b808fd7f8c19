package org.orderdesk.order.ui;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.time.Duration;
import java.time.Instant;
import org.orderdesk.order.InactivityLimit;
import org.orderdesk.ui.Formats;

/**
 * "You are editing · lock ends 10:35:12 (1:58)", and up front how long inactivity may last before
 * the lock lapses. The browser counts the time left down by itself (the span marked {@code
 * data-lock-countdown}); the server sets it again on each renewal. While the database does not
 * answer it says so instead, with neither the end of the lock nor a countdown. Only the state
 * ("You are editing", "Connection to the database lost…", "You no longer hold the lock") is a live
 * region: a screen reader announces the loss of
 * the lock, not every renewal.
 */
final class LockStatusBar extends Div {

    private final Icon held = VaadinIcon.LOCK.create();
    private final Icon lost = VaadinIcon.UNLOCK.create();
    private final Icon unconfirmed = VaadinIcon.WARNING.create();
    private final Span state = new Span();
    private final Span ends = new Span();
    private final Span inactivity = new Span();

    LockStatusBar() {
        addClassName("lock-status");
        state.addClassName("lock-state");
        state.getElement().setAttribute("role", "status");
        inactivity.addClassName("lock-inactivity");
        Span line = new Span(state, ends);
        line.addClassName("lock-line");
        unconfirmed.setVisible(false);
        add(held, lost, unconfirmed, line, inactivity);
    }

    void showHeld(Instant expiresAt, Duration remaining, InactivityLimit limit) {
        removeClassNames("lost", "unconfirmed");
        held.setVisible(true);
        lost.setVisible(false);
        unconfirmed.setVisible(false);
        state.setText("You are editing");
        Span endsAt = new Span(Formats.time(expiresAt));
        endsAt.addClassName("lock-ends");
        ends.removeAll();
        ends.add(new Text(" · lock ends "), endsAt, new Text(" ("), LockCountdown.showing(remaining), new Text(")"));
        inactivity.setText(inactivityNotice(limit));
        inactivity.setVisible(true);
    }

    /** The database does not answer: no claim that the lock is held, and no countdown. */
    void showUnconfirmed() {
        removeClassName("lost");
        addClassName("unconfirmed");
        held.setVisible(false);
        lost.setVisible(false);
        unconfirmed.setVisible(true);
        state.setText(EditorTexts.DATABASE_LOST_STATUS);
        ends.removeAll();
        inactivity.setVisible(false);
    }

    void showLost() {
        removeClassName("unconfirmed");
        addClassName("lost");
        held.setVisible(false);
        lost.setVisible(true);
        unconfirmed.setVisible(false);
        state.setText("You no longer hold the lock: your changes are kept below, read-only");
        ends.removeAll();
        inactivity.setVisible(false);
    }

    /** "Without activity here, your lock lapses after 6 min 30 s to 7 min". */
    static String inactivityNotice(InactivityLimit limit) {
        return "Without activity here, your lock lapses after " + span(limit.earliest()) + " to "
                + span(limit.latest());
    }

    /** "7 min", "6 min 30 s", "26 s", "1 h 5 min". */
    static String span(Duration duration) {
        long seconds = duration.toSeconds();
        StringBuilder text = new StringBuilder();
        append(text, seconds / 3600, "h");
        append(text, seconds % 3600 / 60, "min");
        append(text, seconds % 60, "s");
        return text.isEmpty() ? "0 s" : text.toString();
    }

    private static void append(StringBuilder text, long amount, String unit) {
        if (amount > 0) {
            text.append(text.isEmpty() ? "" : " ").append(amount).append(' ').append(unit);
        }
    }
}
