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
    RELEASE_DECLINED,
    /** A free resource is kept for the first clerk in its line; the entry's token is the reservation's id. */
    RESERVED,
    /** The clerk gave their reservation up, or their session ended. */
    RESERVATION_DECLINED,
    /** The reservation ended unused. */
    RESERVATION_LAPSED,
    /** A supervisor took the resource over; the clerk is first in line again. */
    RESERVATION_VOIDED;
}
