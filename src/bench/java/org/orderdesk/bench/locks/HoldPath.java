package org.orderdesk.bench.locks;

import org.orderdesk.lock.LockHolder;

/** One way to take and give up an order's lock: the engine, or the bare SQL floor it is compared with. */
interface HoldPath {

    /** What the table calls it. */
    String name();

    /** Takes the lock of {@code orderId}; a token to give it up with, or -1 when someone else holds it. */
    long acquire(long orderId, LockHolder holder);

    /** Gives up the lock {@code acquire} took with {@code token}. */
    void release(long orderId, LockHolder holder, long token);
}
