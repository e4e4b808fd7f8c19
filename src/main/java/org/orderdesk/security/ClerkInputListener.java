package org.orderdesk.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.WrappedSession;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Tells {@link IdleSessions} when the clerk types or clicks (or touches) anywhere in a tab,
 * dialogs included, at most once per a tenth of the session's max inactive interval (between 1 and
 * 60 seconds), so that a working clerk costs one small request a minute at most. Scrolling alone
 * is not counted.
 */
@Component
class ClerkInputListener implements VaadinServiceInitListener {

    private static final List<String> INPUT_EVENTS = List.of("keydown", "pointerdown");

    private final IdleSessions sessions;

    ClerkInputListener(IdleSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> listen(init.getUI()));
    }

    private void listen(UI ui) {
        WrappedSession session = ui.getSession().getSession();
        int limitSeconds = session == null ? 0 : session.getMaxInactiveInterval();
        if (limitSeconds <= 0) {
            return;
        }
        int throttleMillis = (int) Math.clamp(limitSeconds * 100L, 1_000L, 60_000L);
        for (String type : INPUT_EVENTS) {
            ui.getElement()
                    .addEventListener(type, input -> {
                        WrappedSession current = ui.getSession().getSession();
                        if (current != null) {
                            sessions.inputIn(current);
                        }
                    })
                    .throttle(throttleMillis)
                    // A modal dialog makes the rest of the page inert; typing in the dialog is input too.
                    .allowInert();
        }
    }
}
