package org.orderdesk.lock;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The live locks and reservations as a view last loaded them, kept current by applying {@link
 * LockEvent}s instead of asking the database again. Events may arrive out of order, since each is
 * delivered by the thread that committed it; fencing tokens put them back in order (reservation
 * ids come from the same sequence): a hold or reservation that ended is never revived by a late
 * event about it, and a newer one is never replaced by an older one. A resource is held or
 * reserved, never both: the newer of the two is what stands. Thread-safe: events are applied on
 * committing threads while a UI reads.
 */
public final class LockTable {

    /** The live hold or reservation of a resource, if any, and the newest token or reservation known to have ended. */
    private record Slot(@Nullable LockInfo lock, @Nullable Reservation reservation, long lastEnded) {

        static final Slot EMPTY = new Slot(null, null, 0);

        /** Holds {@code candidate} unless its hold ended, something newer stands, or it is an older renewal. */
        Slot holding(LockInfo candidate) {
            boolean stale = candidate.token() <= lastEnded
                    || (reservation != null && reservation.id() > candidate.token())
                    || (lock != null
                            && (lock.token() > candidate.token()
                                    || (lock.token() == candidate.token()
                                            && lock.expiresAt().isAfter(candidate.expiresAt()))));
            if (stale) {
                return this;
            }
            // A reservation older than the hold ended when the hold began.
            long ended = reservation == null ? lastEnded : Math.max(lastEnded, reservation.id());
            return new Slot(candidate, null, ended);
        }

        /** Stands for {@code candidate} unless it ended or something newer stands; an older hold ended before it. */
        Slot reserving(Reservation candidate) {
            boolean stale = candidate.id() <= lastEnded
                    || (lock != null && lock.token() > candidate.id())
                    || (reservation != null && reservation.id() >= candidate.id());
            if (stale) {
                return this;
            }
            long ended = lock == null ? lastEnded : Math.max(lastEnded, lock.token());
            return new Slot(null, candidate, ended);
        }

        Slot ending(long token) {
            LockInfo kept = lock != null && lock.token() > token ? lock : null;
            Reservation keptReservation = reservation != null && reservation.id() > token ? reservation : null;
            return new Slot(kept, keptReservation, Math.max(lastEnded, token));
        }

        @Nullable
        LockInfo current(long token) {
            return lock != null && lock.token() == token ? lock : null;
        }
    }

    private final Map<ResourceId, Slot> slots = new ConcurrentHashMap<>();

    public LockTable() {}

    public LockTable(Collection<LockInfo> live) {
        load(live);
    }

    /**
     * Adds locks read from the database. Safe after events were applied: a lock whose hold ended
     * meanwhile, or that a newer hold replaced, stays out.
     */
    public void load(Collection<LockInfo> live) {
        live.forEach(lock ->
                slots.compute(lock.resource(), (resource, slot) -> (slot == null ? Slot.EMPTY : slot).holding(lock)));
    }

    /** Adds reservations read from the database; as {@link #load}, safe after events were applied. */
    public void loadReservations(Collection<Reservation> live) {
        live.forEach(reservation -> slots.compute(
                reservation.resource(), (resource, slot) -> (slot == null ? Slot.EMPTY : slot).reserving(reservation)));
    }

    /** Forgets everything, for a view that stops listening and will load afresh. */
    public void clear() {
        slots.clear();
    }

    /** Brings the table up to date with {@code event}; true when what it shows has changed. */
    public boolean apply(LockEvent event) {
        boolean[] changed = new boolean[1];
        slots.compute(event.resource(), (resource, slot) -> {
            Slot before = slot == null ? Slot.EMPTY : slot;
            Slot after = next(before, event);
            changed[0] = !Objects.equals(before.lock(), after.lock())
                    || !Objects.equals(before.reservation(), after.reservation());
            return after;
        });
        return changed[0];
    }

    public Optional<LockInfo> find(ResourceId resource) {
        return Optional.ofNullable(slots.getOrDefault(resource, Slot.EMPTY).lock());
    }

    /** The reservation of a resource nobody holds, if one stands. */
    public Optional<Reservation> findReservation(ResourceId resource) {
        return Optional.ofNullable(slots.getOrDefault(resource, Slot.EMPTY).reservation());
    }

    /** The live locks, oldest first. */
    public List<LockInfo> all() {
        return slots.values().stream()
                .map(Slot::lock)
                .filter(Objects::nonNull)
                .sorted(Comparator.comparing(LockInfo::acquiredAt).thenComparing(LockInfo::token))
                .toList();
    }

    private static Slot next(Slot slot, LockEvent event) {
        return switch (event) {
            case LockEvent.Acquired acquired ->
                slot.holding(held(
                        acquired.resource(),
                        acquired.holder(),
                        acquired.token(),
                        acquired.at(),
                        acquired.at(),
                        acquired.expiresAt()));
            case LockEvent.Renewed renewed -> {
                LockInfo current = slot.current(renewed.token());
                Instant since = current == null ? renewed.at() : current.acquiredAt();
                yield slot.holding(held(
                        renewed.resource(),
                        renewed.holder(),
                        renewed.token(),
                        since,
                        renewed.at(),
                        renewed.expiresAt()));
            }
            case LockEvent.TakenOver takenOver ->
                slot.ending(takenOver.previousToken())
                        .holding(held(
                                takenOver.resource(),
                                takenOver.newHolder(),
                                takenOver.newToken(),
                                takenOver.at(),
                                takenOver.at(),
                                takenOver.expiresAt()));
            case LockEvent.Expiring expiring -> {
                LockInfo current = slot.current(expiring.token());
                yield current == null || !current.expiresAt().equals(expiring.expiresAt())
                        ? slot
                        : new Slot(current.announced(), null, slot.lastEnded());
            }
            case LockEvent.Released released -> slot.ending(released.token());
            case LockEvent.Expired expired -> slot.ending(expired.token());
            case LockEvent.Broken broken -> slot.ending(broken.token());
            case LockEvent.ReleaseRequested requested -> slot;
            case LockEvent.ReleaseAnswered answered -> slot;
            case LockEvent.ReleaseReminder reminder -> slot;
            case LockEvent.Reserved reserved ->
                slot.reserving(new Reservation(
                        reserved.resource(),
                        reserved.user(),
                        reserved.reservation(),
                        reserved.at(),
                        reserved.expiresAt()));
            case LockEvent.ReservationEnded ended -> slot.ending(ended.reservation());
            case LockEvent.JoinedLine joined -> slot;
            case LockEvent.LeftLine left -> slot;
        };
    }

    private static LockInfo held(
            ResourceId resource, LockHolder holder, long token, Instant since, Instant renewedAt, Instant expiresAt) {
        return new LockInfo(resource, holder, token, since, renewedAt, expiresAt, false);
    }
}
