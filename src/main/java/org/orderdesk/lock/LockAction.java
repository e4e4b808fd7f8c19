package org.orderdesk.lock;

/** What happened to a lock, as recorded in the audit trail. */
public enum LockAction {
    /** A hold begins; its row also counts the hold's renewals, which add no rows of their own. */
    ACQUIRED,
    RELEASED,
    EXPIRED,
    TAKEN_OVER,
    BROKEN,
    RELEASE_REQUESTED;
}
