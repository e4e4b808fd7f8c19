package org.orderdesk.lock;

import org.jspecify.annotations.Nullable;

/**
 * A resource's turn row, as a step locked it: the reservation (live or lapsed) if there is one,
 * and the waiter key of the place in line it came from.
 */
record Turn(
        ResourceId resource,
        @Nullable Reservation reservation,
        @Nullable String reservedKey) {

    static Turn none(ResourceId resource) {
        return new Turn(resource, null, null);
    }
}
