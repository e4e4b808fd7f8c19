package org.orderdesk.lock;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.springframework.stereotype.Service;

/**
 * The fair waiting line of each resource, kept in the lock store so that every node of a cluster
 * serves the same line. Clerks join in the order they ask, each at most once per resource; when
 * the holder lets go (release, expiry, a supervisor's break) the first in line gets a reservation
 * of {@code orderdesk.lock.reservation}, during which only they may acquire, until they do,
 * decline, or it lapses and the sweeper hands it to the next. Each step locks the resource's turn
 * row first ({@link LockTurns}), as acquiring and releasing do.
 */
@Service
public class WaitingLines {

    private final LockStore store;
    private final LockTransactions steps;
    private final LockTurns turns;

    WaitingLines(LockStore store, LockTransactions steps, LockTurns turns) {
        this.store = store;
        this.steps = steps;
        this.turns = turns;
    }

    /**
     * Puts {@code user} at the end of the resource's line, asking from {@code waiterKey} (one
     * HTTP session, whose end takes them out again). Someone else must hold the lock, or have it
     * reserved, or be waiting already; otherwise there is nothing to wait for.
     */
    public JoinOutcome join(ResourceId resource, LockUser user, String waiterKey) {
        requireKey(waiterKey);
        return steps.atomically(() -> {
            Turn turn = turns.lock(resource);
            Optional<LockInfo> current = store.findForUpdate(resource);
            Instant now = steps.now();
            if (current.filter(lock -> lock.isLive(now))
                    .filter(lock -> isOf(lock, user))
                    .isPresent()) {
                return new JoinOutcome.HeldByYou();
            }
            Reservation reservation = turn.reservation();
            if (reservation != null && reservation.isLive(now) && reservation.isFor(user.username())) {
                return new JoinOutcome.YourTurn(reservation);
            }
            int place = store.placeInLine(resource, user.username());
            if (place > 0) {
                return new JoinOutcome.InLine(place);
            }
            boolean held = current.filter(lock -> lock.isLive(now)).isPresent();
            boolean reserved = reservation != null && reservation.isLive(now);
            if (!held && !reserved && store.firstInLine(resource).isEmpty()) {
                return new JoinOutcome.Free();
            }
            store.insertWaiter(new Waiter(resource, user, waiterKey, store.nextLineSeq(), now));
            steps.publish(new LockEvent.JoinedLine(resource, user, now));
            return new JoinOutcome.InLine(store.placeInLine(resource, user.username()));
        });
    }

    /**
     * {@code user} gives up their turn: declines their reservation (the next in line gets one) or
     * leaves the line. False when they had neither.
     */
    public boolean leave(ResourceId resource, LockUser user) {
        return steps.atomically(() -> {
            Turn turn = turns.lock(resource);
            boolean free = store.findForUpdate(resource).isEmpty();
            return turns.leave(turn, user, free, steps.now());
        });
    }

    /**
     * Takes the clerk who asked from {@code waiterKey} out of every line and gives up the
     * reservations that came from them: their session ended. Each resource is a step of its own.
     *
     * @return how many places and reservations were given up
     */
    public int leaveAll(String waiterKey) {
        int left = 0;
        for (Waiter waiter : store.findWaitersOf(waiterKey)) {
            if (leaveFrom(waiter.resource(), waiter.user(), waiterKey)) {
                left++;
            }
        }
        for (Reservation reservation : store.findReservationsOf(waiterKey)) {
            if (leaveFrom(reservation.resource(), reservation.user(), waiterKey)) {
                left++;
            }
        }
        return left;
    }

    /** The session {@code from} got a new id, {@code to} (signing in again): its places and reservations follow. */
    public void rekey(String from, String to) {
        requireKey(to);
        steps.atomically(() -> {
            store.rekey(from, to);
            return true;
        });
    }

    /** {@code username}'s place in the resource's line (1 = next), if they wait; a reservation is no place. */
    public OptionalInt placeOf(ResourceId resource, String username) {
        int place = store.placeInLine(resource, username);
        return place > 0 ? OptionalInt.of(place) : OptionalInt.empty();
    }

    /** The resource's reservation, if one lasts now. */
    public Optional<Reservation> reservation(ResourceId resource) {
        Instant now = steps.now();
        return store.findReservation(resource).filter(reservation -> reservation.isLive(now));
    }

    /** Every reservation that lasts now, oldest first. */
    public List<Reservation> currentReservations() {
        return store.findLiveReservations(steps.now());
    }

    /** Only what still comes from {@code waiterKey}: the clerk may have joined again from another session. */
    private boolean leaveFrom(ResourceId resource, LockUser user, String waiterKey) {
        return steps.atomically(() -> {
            Turn turn = turns.lock(resource);
            boolean free = store.findForUpdate(resource).isEmpty();
            boolean waitsFromHere = store.findWaiter(resource, user.username())
                    .filter(waiter -> waiter.waiterKey().equals(waiterKey))
                    .isPresent();
            boolean reservedFromHere = turn.reservation() != null && waiterKey.equals(turn.reservedKey());
            return (waitsFromHere || reservedFromHere) && turns.leave(turn, user, free, steps.now());
        });
    }

    private static boolean isOf(LockInfo lock, LockUser user) {
        return lock.holder().username().equals(user.username());
    }

    private static void requireKey(String waiterKey) {
        if (waiterKey.isBlank() || waiterKey.length() > LockHolder.HOLDER_KEY_MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "Waiter key must be 1 to " + LockHolder.HOLDER_KEY_MAX_LENGTH + " characters");
        }
    }
}
