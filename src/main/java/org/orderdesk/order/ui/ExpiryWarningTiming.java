package org.orderdesk.order.ui;

import java.time.Duration;
import org.orderdesk.lock.LockProperties;
import org.orderdesk.ui.PushProperties;
import org.springframework.stereotype.Component;

/**
 * Checked at start-up: the expiry warning reaches the browser by push, which may hold it back for
 * up to {@code orderdesk.push.min-interval} after the sweep that found the lease, so that delay too
 * must leave the clerk {@link LockProperties#MINIMUM_WARNING} to extend the lock. {@link
 * LockProperties} checks the lock engine's part alone.
 */
@Component
class ExpiryWarningTiming {

    ExpiryWarningTiming(LockProperties lock, PushProperties push) {
        Duration leastWarning = lock.warnBefore().minus(lock.sweepInterval()).minus(push.minInterval());
        if (leastWarning.compareTo(LockProperties.MINIMUM_WARNING) < 0) {
            throw new IllegalStateException("Invalid lock settings: orderdesk.lock.warn-before ("
                    + LockProperties.format(lock.warnBefore()) + ") minus orderdesk.lock.sweep-interval ("
                    + LockProperties.format(lock.sweepInterval()) + ") and orderdesk.push.min-interval ("
                    + LockProperties.format(push.minInterval()) + ") must be at least "
                    + LockProperties.format(LockProperties.MINIMUM_WARNING)
                    + ": the expiry warning must reach the clerk that long before the lock ends");
        }
    }
}
