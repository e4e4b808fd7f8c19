package org.orderdesk.lock;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.orderdesk.lock.LockEvent.Ending;
import org.springframework.stereotype.Component;

/**
 * Whose turn it is to take a resource nobody holds: anyone's when nobody waits, the reserved
 * clerk's while their reservation lasts, otherwise the first clerk's in line. Every method runs
 * inside a step that began by locking the resource's turn row ({@link #lock}), before the lock
 * row: so every step that hands a resource on, takes it or changes its line is serialised with
 * the others on one row, also while no lock row exists to serialise them.
 */
@Component
class LockTurns {

    private final LockStore store;
    private final LockTransactions steps;
    private final LockProperties settings;

    LockTurns(LockStore store, LockTransactions steps, LockProperties settings) {
        this.store = store;
        this.steps = steps;
        this.settings = settings;
    }

    /**
     * Locks the resource's turn row for the rest of the step, inserting it the first time. Two
     * first steps insert it at once: one loses on the primary key and is run again.
     */
    Turn lock(ResourceId resource) {
        Optional<Turn> turn = store.findTurnForUpdate(resource);
        if (turn.isPresent()) {
            return turn.get();
        }
        store.insertTurn(resource);
        return Turn.none(resource);
    }

    /** Whether {@code user} may take the resource, free at {@code now}: nobody waits, it is reserved for them, or they are first. */
    boolean isTurnOf(Turn turn, LockUser user, Instant now) {
        Reservation reservation = turn.reservation();
        if (reservation != null && reservation.isLive(now)) {
            return reservation.isFor(user.username());
        }
        return store.firstInLine(turn.resource())
                .map(first -> first.user().username().equals(user.username()))
                .orElse(true);
    }

    /** {@code user}, whose turn it is ({@link #isTurnOf}), takes the resource: their reservation or place is used up. */
    void take(Turn turn, LockUser user, Instant now) {
        Reservation reservation = turn.reservation();
        if (reservation != null) {
            boolean theirs = reservation.isLive(now) && reservation.isFor(user.username());
            end(reservation, theirs ? Ending.USED : Ending.LAPSED, theirs ? user : null, null, now);
        }
        if (store.deleteWaiter(turn.resource(), user.username())) {
            steps.publish(new LockEvent.LeftLine(turn.resource(), user, now));
        }
    }

    /**
     * Another clerk's turn ({@link #isTurnOf} said so): the answer to whoever asked, after a lapsed
     * reservation went to the first in line.
     */
    AcquireOutcome.Reserved refuse(Turn turn, Instant now) {
        Reservation reservation = turn.reservation();
        if (reservation != null && reservation.isLive(now)) {
            return new AcquireOutcome.Reserved(reservation.user(), reservation.expiresAt());
        }
        Reservation given = handOn(turn, now).orElseThrow(() -> new IllegalStateException("Nobody's turn"));
        return new AcquireOutcome.Reserved(given.user(), given.expiresAt());
    }

    /**
     * The resource has just become free: a lapsed reservation ends, and the first in line, if
     * anyone waits, gets a reservation of {@code orderdesk.lock.reservation}.
     */
    Optional<Reservation> handOn(Turn turn, Instant now) {
        Reservation current = turn.reservation();
        if (current != null) {
            if (current.isLive(now)) {
                return Optional.of(current);
            }
            end(current, Ending.LAPSED, null, null, now);
        }
        return store.firstInLine(turn.resource()).map(first -> reserve(first, now));
    }

    /**
     * A supervisor takes the resource out of turn: a live reservation is voided and its clerk
     * goes back to the front of the line, to be served when the supervisor lets go.
     */
    void overrule(Turn turn, LockUser supervisor, @Nullable String reason, Instant now) {
        Reservation reservation = turn.reservation();
        if (reservation == null) {
            return;
        }
        if (!reservation.isLive(now)) {
            end(reservation, Ending.LAPSED, null, null, now);
            return;
        }
        end(reservation, Ending.VOIDED, supervisor, reason, now);
        long front =
                store.firstInLine(turn.resource()).map(first -> first.seq() - 1).orElseGet(store::nextLineSeq);
        store.insertWaiter(new Waiter(
                turn.resource(),
                reservation.user(),
                String.valueOf(turn.reservedKey()),
                front,
                reservation.reservedAt()));
    }

    /**
     * {@code user} gives up their turn: their reservation (then the next in line gets one, if
     * the resource is free) or their place in line. False when they had neither.
     */
    boolean leave(Turn turn, LockUser user, boolean resourceFree, Instant now) {
        Reservation reservation = turn.reservation();
        if (reservation != null && reservation.isFor(user.username())) {
            boolean live = reservation.isLive(now);
            end(reservation, live ? Ending.DECLINED : Ending.LAPSED, live ? user : null, null, now);
            if (resourceFree) {
                handOn(Turn.none(turn.resource()), now);
            }
            return true;
        }
        if (store.deleteWaiter(turn.resource(), user.username())) {
            steps.publish(new LockEvent.LeftLine(turn.resource(), user, now));
            return true;
        }
        return false;
    }

    private Reservation reserve(Waiter waiter, Instant now) {
        Reservation reservation = new Reservation(
                waiter.resource(), waiter.user(), store.nextToken(), now, now.plus(settings.reservation()));
        store.deleteWaiter(waiter.resource(), waiter.user().username());
        store.reserve(reservation, waiter.waiterKey());
        steps.audit(LockAction.RESERVED, reservation, null, null, now);
        steps.publish(new LockEvent.Reserved(
                reservation.resource(), reservation.user(), reservation.id(), reservation.expiresAt(), now));
        return reservation;
    }

    private void end(Reservation reservation, Ending how, @Nullable LockUser by, @Nullable String reason, Instant now) {
        store.clearReservation(reservation.resource(), reservation.id());
        switch (how) {
            case DECLINED -> steps.audit(LockAction.RESERVATION_DECLINED, reservation, by, reason, now);
            case LAPSED -> steps.audit(LockAction.RESERVATION_LAPSED, reservation, null, null, now);
            case VOIDED -> steps.audit(LockAction.RESERVATION_VOIDED, reservation, by, reason, now);
            // Its ACQUIRED entry follows in the same step.
            case USED -> {}
        }
        steps.publish(new LockEvent.ReservationEnded(
                reservation.resource(), reservation.user(), reservation.id(), how, by, now));
    }
}
