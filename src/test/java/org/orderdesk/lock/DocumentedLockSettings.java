package org.orderdesk.lock;

import java.time.Duration;

/** The lock settings README documents as the defaults: what start-up binds, and what tests without Spring use. */
public final class DocumentedLockSettings {

    public static final LockProperties DEFAULTS = new LockProperties(
            Duration.ofSeconds(120),
            Duration.ofSeconds(30),
            Duration.ofMinutes(5),
            Duration.ofSeconds(60),
            Duration.ofSeconds(5),
            true,
            Duration.ofSeconds(60),
            Duration.ofMinutes(5),
            Duration.ofSeconds(30));

    private DocumentedLockSettings() {}
}
