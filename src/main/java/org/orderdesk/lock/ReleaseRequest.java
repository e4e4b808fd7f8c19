package org.orderdesk.lock;

import java.time.Instant;

/** What asking a lock's holder to release it gave. */
public sealed interface ReleaseRequest {

    /** The holder was asked. */
    record Sent(LockUser holder) implements ReleaseRequest {}

    /** This requester asked recently; asking again is allowed from {@code askAgainAt}. */
    record TooSoon(LockUser holder, Instant askAgainAt) implements ReleaseRequest {}

    /** Nobody else holds a live lock on the resource. */
    record NobodyToAsk() implements ReleaseRequest {}
}
