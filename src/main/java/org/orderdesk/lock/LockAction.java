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
    /** A free resource is kept for the first clerk in its line; the entry's token is the reservation's id. */
    RESERVED,
    /** The clerk gave their reservation up, or their session ended. */
    RESERVATION_DECLINED,
    /** The reservation ended unused. */
    RESERVATION_LAPSED,
    /** A supervisor took the resource over; the clerk is first in line again. */
    RESERVATION_VOIDED;
}
