package org.orderdesk.order.ui;

import com.vaadin.flow.component.html.Span;
import java.time.Duration;
import org.orderdesk.ui.Formats;

/**
 * A "1:58" that the browser's heartbeat script counts down by itself. The script owns its text
 * once shown, so the server never changes a countdown's text: it shows a new one instead. Hidden
 * from screen readers: a text that changes every second inside a live region would be read out
 * every second; the sentences around it say the same once.
 */
final class LockCountdown {

    private LockCountdown() {}

    static Span showing(Duration remaining) {
        Span left = new Span(Formats.countdown(remaining));
        left.addClassName("lock-countdown");
        left.getElement().setAttribute("data-lock-countdown", true);
        left.getElement().setAttribute("aria-hidden", "true");
        return left;
    }
}
