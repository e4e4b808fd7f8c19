package org.orderdesk.lock;

/**
 * How the holder of a lock answers a request to release it, besides releasing: {@link #MORE_TIME}
 * ("Give me 5 minutes") or {@link #NOT_NOW}, each with an optional short message.
 */
public enum ReleaseAnswer {
    /** The holder needs about {@code release-more-time} more, and is reminded once it has passed. */
    MORE_TIME(LockAction.RELEASE_DEFERRED),
    NOT_NOW(LockAction.RELEASE_DECLINED);

    private final LockAction audited;

    ReleaseAnswer(LockAction audited) {
        this.audited = audited;
    }

    /** The audit trail's action for this answer. */
    LockAction audited() {
        return audited;
    }
}
