package org.orderdesk.order;

import java.time.Duration;
import org.orderdesk.lock.LockProperties;

/** The lock settings README documents as the defaults, for tests that run without Spring. */
final class DocumentedLockSettings {

    static final LockProperties DEFAULTS = new LockProperties(
            Duration.ofSeconds(120),
            Duration.ofSeconds(30),
            Duration.ofMinutes(5),
            Duration.ofSeconds(60),
            Duration.ofSeconds(5),
            true,
            Duration.ofSeconds(60));

    private DocumentedLockSettings() {}
}
