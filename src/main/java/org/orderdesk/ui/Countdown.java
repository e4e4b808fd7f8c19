package org.orderdesk.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dependency.JavaScript;
import java.time.Duration;
import java.time.Instant;

/**
 * "1:42" until {@code end}, counted down in the browser ({@code frontend/js/od-countdown.js}).
 * The browser owns the text once shown, so a countdown never changes: show a new one instead.
 */
@Tag(Countdown.TAG)
@JavaScript(Countdown.SCRIPT)
public class Countdown extends Component {

    public static final String TAG = "od-countdown";
    public static final String SCRIPT = "context://js/od-countdown.js";

    public Countdown(Instant end, Instant now) {
        getElement().setAttribute("end", Long.toString(end.toEpochMilli()));
        getElement().setText(Formats.countdown(Duration.between(now, end)));
        addClassName("countdown");
    }

    /** Tells the page the server's time, so that countdowns ignore a wrong browser clock. */
    public static void syncClock(UI ui, Instant serverNow) {
        ui.getPage()
                .executeJs(
                        "window.orderdesk && window.orderdesk.countdown && window.orderdesk.countdown.syncClock($0)",
                        serverNow.toEpochMilli());
    }
}
