package org.orderdesk.lock;

/** What happened to a lock, as recorded in the audit trail. */
public enum LockAction {
    /** A hold begins; its row also counts the hold's renewals, which add no rows of their own. */
    ACQUIRED,
    RELEASED,
    EXPIRED,
    TAKEN_OVER,
    BROKEN,
    RELEASE_REQUESTED,
    /** The holder answered a request to release with "Give me 5 minutes"; the reason names the requester. */
    RELEASE_DEFERRED,
    /** The holder answered a request to release with "Not now"; the reason names the requester and any message. */
    RELEASE_DECLINED;
}
