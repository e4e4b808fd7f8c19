package org.orderdesk.order.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.server.VaadinRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.orderdesk.lock.LockProperties;
import org.orderdesk.lock.web.LockReleaseController;
import org.orderdesk.order.EditLock;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * The server side of {@code frontend/js/lock-heartbeat.js}: starts the browser's renewal timer,
 * countdown and tab-close beacon for an editor, re-bases the countdown after each renewal, and
 * stops them when the lock is lost.
 */
final class LockHeartbeat {

    private static final String SCRIPT = "window.orderdesk.lockHeartbeat";

    private final Component host;

    LockHeartbeat(Component host) {
        this.host = host;
    }

    void start(EditLock lock, Duration remaining, LockProperties settings) {
        host.getElement()
                .executeJs(
                        SCRIPT + ".start(this, $0, $1, $2, $3, $4)",
                        (double) settings.renewInterval().toMillis(),
                        (double) settings.idleTimeout().toMillis(),
                        (double) remaining.toMillis(),
                        LockReleaseController.PATH.substring(1),
                        releaseBody(lock));
    }

    void rebase(Duration remaining) {
        host.getElement().executeJs(SCRIPT + ".rebase(this, $0)", (double) remaining.toMillis());
    }

    /** The clerk acted outside the editor (on the expiry warning): renew again while the idle timeout runs. */
    void markActive() {
        host.getElement().executeJs(SCRIPT + ".markActive(this)");
    }

    /** No more renewals, countdown or beacon; unsaved changes still ask before the tab is left. */
    void lockLost() {
        host.getElement().executeJs(SCRIPT + ".lost(this)");
    }

    /** The database does not answer: no countdown, and renewals become attempts to confirm the hold. */
    void unconfirmed() {
        host.getElement().executeJs(SCRIPT + ".unconfirmed(this)");
    }

    void stop() {
        host.getElement().executeJs(SCRIPT + ".stop(this)");
    }

    /**
     * The beacon's form body: which lock, this editor's holder key and token, and the session's
     * CSRF token (a beacon cannot send headers, so it goes as a form field).
     */
    private static String releaseBody(EditLock lock) {
        StringBuilder body = new StringBuilder()
                .append("resourceType=")
                .append(encode(lock.resource().type()))
                .append("&resourceId=")
                .append(lock.orderId())
                .append("&holderKey=")
                .append(encode(lock.holder().holderKey()))
                .append("&token=")
                .append(lock.token());
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request != null && request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf) {
            body.append('&').append(encode(csrf.getParameterName())).append('=').append(encode(csrf.getToken()));
        }
        return body.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
