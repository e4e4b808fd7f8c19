package org.orderdesk.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.WrappedSession;
import org.springframework.stereotype.Component;

/**
 * Tells {@link IdleSessions} when the clerk types or clicks (or touches) anywhere in a tab,
 * dialogs included, at most once per a tenth of the session's max inactive interval (between 1 and
 * 60 seconds), so that a working clerk costs one small request a minute at most. Scrolling alone
 * is not counted.
 *
 * <p>The page listens to the key and pointer presses itself and sends an event of its own: a
 * throttled {@code keydown} listener on the UI's element would share Flow's one client-side
 * listener with the keyboard shortcuts (Ctrl+S, Escape, Alt+K), and throttle them too.
 */
@Component
class ClerkInputListener implements VaadinServiceInitListener {

    private static final String CLERK_INPUT = "orderdesk-clerk-input";

    /** Leading-edge throttle: the first press reports at once, then at most one per {@code $0} ms. */
    private static final String REPORT_PRESSES = """
            const root = this;
            let last = -Infinity;
            const report = () => {
              const now = Date.now();
              if (now - last >= $0) {
                last = now;
                root.dispatchEvent(new CustomEvent('%s'));
              }
            };
            window.addEventListener('keydown', report, true);
            window.addEventListener('pointerdown', report, true);
            """.formatted(CLERK_INPUT);

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
        ui.getElement()
                .addEventListener(CLERK_INPUT, input -> {
                    WrappedSession current = ui.getSession().getSession();
                    if (current != null) {
                        sessions.inputIn(current);
                    }
                })
                // A modal dialog makes the rest of the page inert; typing in the dialog is input too.
                .allowInert();
        ui.getElement().executeJs(REPORT_PRESSES, throttleMillis);
    }
}
