package org.orderdesk.lock;

/** The answer to joining a resource's waiting line. */
public sealed interface JoinOutcome {

    /** The clerk waits, {@code place} (1 = next) in line; joining again keeps the place. */
    record InLine(int place) implements JoinOutcome {}

    /** It is the clerk's turn already: the resource is reserved for them. */
    record YourTurn(Reservation reservation) implements JoinOutcome {}

    /** Nobody holds the resource and nobody waits for it: there is nothing to wait for. */
    record Free() implements JoinOutcome {}

    /** The clerk holds the lock themselves (in some tab). */
    record HeldByYou() implements JoinOutcome {}
}
