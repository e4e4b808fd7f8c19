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
 * The live locks as a view last loaded them, kept current by applying {@link LockEvent}s instead
 * of asking the database again. Events may arrive out of order, since each is delivered by the
 * thread that committed it; fencing tokens put them back in order: a hold that ended is never
 * revived by a late event about it, and a newer hold is never replaced by an older one.
 * Thread-safe: events are applied on committing threads while a UI reads.
 */
public final class LockTable {

    /** The live hold of a resource, if any, and the newest token known to have ended. */
    private record Slot(@Nullable LockInfo lock, long lastEndedToken) {

        static final Slot EMPTY = new Slot(null, 0);

        /** Holds {@code candidate} unless its hold ended, a newer one began, or it is an older renewal. */
        Slot holding(LockInfo candidate) {
            boolean stale = candidate.token() <= lastEndedToken
                    || (lock != null
                            && (lock.token() > candidate.token()
                                    || (lock.token() == candidate.token()
                                            && lock.expiresAt().isAfter(candidate.expiresAt()))));
            return stale ? this : new Slot(candidate, lastEndedToken);
        }

        Slot ending(long token) {
            LockInfo kept = lock != null && lock.token() > token ? lock : null;
            return new Slot(kept, Math.max(lastEndedToken, token));
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
            changed[0] = !Objects.equals(before.lock(), after.lock());
            return after;
        });
        return changed[0];
    }

    public Optional<LockInfo> find(ResourceId resource) {
        return Optional.ofNullable(slots.getOrDefault(resource, Slot.EMPTY).lock());
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
                        : new Slot(current.announced(), slot.lastEndedToken());
            }
            case LockEvent.Released released -> slot.ending(released.token());
            case LockEvent.Expired expired -> slot.ending(expired.token());
            case LockEvent.Broken broken -> slot.ending(broken.token());
            case LockEvent.ReleaseRequested requested -> slot;
            case LockEvent.ReleaseAnswered answered -> slot;
            case LockEvent.ReleaseReminder reminder -> slot;
        };
    }

    private static LockInfo held(
            ResourceId resource, LockHolder holder, long token, Instant since, Instant renewedAt, Instant expiresAt) {
        return new LockInfo(resource, holder, token, since, renewedAt, expiresAt, false);
    }
}
