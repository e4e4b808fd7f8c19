package org.orderdesk.order;

import java.time.Duration;
import org.orderdesk.lock.LockProperties;

/**
 * How long after a clerk's last activity in the editor the lock lapses, by the editor's renewal
 * rules: the browser renews every {@code renew-interval} while the clerk was active within {@code
 * idle-timeout}, so the last renewal comes at most one renew interval before the idle timeout ends,
 * and the lease runs on from it. The lock therefore lapses more than {@link #earliest} and at most
 * {@link #latest} after the last keystroke, click or mouse move (WCAG 2.2.6, Timeouts).
 */
public record InactivityLimit(Duration earliest, Duration latest) {

    public static InactivityLimit of(LockProperties settings) {
        Duration latest = settings.idleTimeout().plus(settings.lease());
        return new InactivityLimit(latest.minus(settings.renewInterval()), latest);
    }
}
