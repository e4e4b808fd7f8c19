package org.orderdesk.lock;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.orderdesk.event.SharedEvent;

/** Every change to a lock, published after the change has committed, on every node. */
public sealed interface LockEvent extends SharedEvent {

    ResourceId resource();

    /** When it happened, by the lock engine's clock. */
    Instant at();

    /**
     * The fencing token of the hold that this event warns about or ends, so that its holder can
     * tell the events meant for it; empty for events that start, extend or merely concern a hold.
     */
    default OptionalLong endangeredToken() {
        return switch (this) {
            case Expiring expiring -> OptionalLong.of(expiring.token());
            case Expired expired -> OptionalLong.of(expired.token());
            case Released released -> OptionalLong.of(released.token());
            case Broken broken -> OptionalLong.of(broken.token());
            case TakenOver takenOver -> OptionalLong.of(takenOver.previousToken());
            case Acquired acquired -> OptionalLong.empty();
            case Renewed renewed -> OptionalLong.empty();
            case ReleaseRequested requested -> OptionalLong.empty();
            case ReleaseAnswered answered -> OptionalLong.empty();
            case ReleaseReminder reminder -> OptionalLong.empty();
            case Reserved reserved -> OptionalLong.empty();
            case ReservationEnded ended -> OptionalLong.empty();
            case JoinedLine joined -> OptionalLong.empty();
            case LeftLine left -> OptionalLong.empty();
        };
    }

    record Acquired(ResourceId resource, LockHolder holder, long token, Instant expiresAt, Instant at)
            implements LockEvent {}

    record Renewed(ResourceId resource, LockHolder holder, long token, Instant expiresAt, Instant at)
            implements LockEvent {}

    record Released(ResourceId resource, LockHolder holder, long token, Instant at) implements LockEvent {}

    /** The lease ends within warn-before and its holder has not renewed it: one per lease. */
    record Expiring(ResourceId resource, LockHolder holder, long token, Instant expiresAt, Instant at)
            implements LockEvent {}

    record Expired(ResourceId resource, LockHolder holder, long token, Instant expiredAt, Instant at)
            implements LockEvent {}

    /** {@code newHolder} took the lock from {@code previousHolder}, who is the same user when moving tabs. */
    record TakenOver(
            ResourceId resource,
            LockHolder previousHolder,
            long previousToken,
            LockHolder newHolder,
            long newToken,
            Instant expiresAt,
            @Nullable String reason,
            Instant at)
            implements LockEvent {}

    record Broken(ResourceId resource, LockHolder holder, long token, LockUser brokenBy, String reason, Instant at)
            implements LockEvent {}

    /** {@code requester} asks {@code holder} to release; nothing changes until the holder does. */
    record ReleaseRequested(ResourceId resource, LockHolder holder, long token, LockUser requester, Instant at)
            implements LockEvent {}

    /**
     * {@code holder} answered the release request of {@code requester}: more time ({@code
     * moreTime}, null for {@link ReleaseAnswer#NOT_NOW}) or not now, with an optional {@code message}.
     */
    record ReleaseAnswered(
            ResourceId resource,
            LockHolder holder,
            long token,
            LockUser requester,
            ReleaseAnswer answer,
            @Nullable Duration moreTime,
            @Nullable String message,
            Instant at)
            implements LockEvent {}

    /** The more time {@code holder} asked {@code requester} for has passed, and the hold goes on. */
    record ReleaseReminder(ResourceId resource, LockHolder holder, long token, LockUser requester, Instant at)
            implements LockEvent {}

    /**
     * The free resource is kept for {@code user}, who was first in its line, until {@code
     * expiresAt}; {@code reservation} orders with the fencing tokens of the holds around it.
     */
    record Reserved(ResourceId resource, LockUser user, long reservation, Instant expiresAt, Instant at)
            implements LockEvent {}

    /** {@code user}'s reservation ended, {@code how}; {@code by} is who ended it, null for the system. */
    record ReservationEnded(
            ResourceId resource,
            LockUser user,
            long reservation,
            Ending how,
            @Nullable LockUser by,
            Instant at) implements LockEvent {}

    /** How a reservation ended. */
    enum Ending {
        /** Its clerk took the lock. */
        USED,
        /** Its clerk gave it up, or their session ended. */
        DECLINED,
        /** Its time ran out. */
        LAPSED,
        /** A supervisor took the resource over; its clerk is first in line again. */
        VOIDED
    }

    /** {@code waiter} joined the resource's waiting line, at its end. */
    record JoinedLine(ResourceId resource, LockUser waiter, Instant at) implements LockEvent {}

    /** {@code waiter} left the line without a reservation: they asked to, their session ended, or they took the lock. */
    record LeftLine(ResourceId resource, LockUser waiter, Instant at) implements LockEvent {}
}
