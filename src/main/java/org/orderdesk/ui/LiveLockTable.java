package org.orderdesk.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.shared.Registration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.orderdesk.event.Resynchronised;
import org.orderdesk.lock.LockEvent;
import org.orderdesk.lock.LockInfo;
import org.orderdesk.lock.LockTable;
import org.orderdesk.lock.Reservation;
import org.orderdesk.lock.ResourceId;

/**
 * The live locks a view shows, kept current by push while the view is attached: it subscribes to
 * lock events, then loads the locks, so that a change racing the load is applied in token order
 * and never missed; on detach it forgets them, since events stop coming and what it knows goes
 * stale. Events are applied on the threads that commit them; the view is told in its UI. When
 * this node may have missed events from other nodes ({@link Resynchronised}), it forgets what it
 * knew and loads the locks again, exactly as on attach.
 */
public final class LiveLockTable {

    private final LockTable table = new LockTable();
    private final Component owner;
    private final LiveUpdates live;

    public LiveLockTable(Component owner, LiveUpdates live) {
        this.owner = owner;
        this.live = live;
        owner.addDetachListener(detach -> table.clear());
    }

    /**
     * While the owner is attached: applies the lock events {@code about} selects, and runs {@code
     * changed} for those that changed the table (an update waiting for its push is replaced by a
     * later one with an equal {@code coalesceKey}); loads {@code current} on every attach, and at
     * once if attached now, and again after every resynchronisation, each time then running {@code
     * loaded}, which redraws everything the table shows. Replaces what the table knew before.
     *
     * @return stops following, for a view that moves on to other locks
     */
    public Registration follow(
            Predicate<? super LockEvent> about,
            Function<? super LockEvent, ?> coalesceKey,
            Consumer<? super LockEvent> changed,
            Supplier<? extends Collection<LockInfo>> current,
            Runnable loaded) {
        return follow(about, event -> false, coalesceKey, changed, current, loaded);
    }

    /**
     * As {@link #follow(Predicate, Function, Consumer, Supplier, Runnable)}, but {@code changed}
     * also runs for events that {@code alsoNews} selects though they leave the table as it was.
     * Both filters run on the committing thread: they must be quick and thread-safe.
     */
    public Registration follow(
            Predicate<? super LockEvent> about,
            Predicate<? super LockEvent> alsoNews,
            Function<? super LockEvent, ?> coalesceKey,
            Consumer<? super LockEvent> changed,
            Supplier<? extends Collection<LockInfo>> current,
            Runnable loaded) {
        return follow(about, alsoNews, coalesceKey, changed, current, List::of, loaded);
    }

    /**
     * As {@link #follow(Predicate, Predicate, Function, Consumer, Supplier, Runnable)}, for a view
     * that also shows for whom free resources are reserved: each load reads them too ({@code
     * reserved}).
     */
    public Registration follow(
            Predicate<? super LockEvent> about,
            Predicate<? super LockEvent> alsoNews,
            Function<? super LockEvent, ?> coalesceKey,
            Consumer<? super LockEvent> changed,
            Supplier<? extends Collection<LockInfo>> current,
            Supplier<? extends Collection<Reservation>> reserved,
            Runnable loaded) {
        table.clear();
        Registration events = live.whileAttached(
                owner,
                LockEvent.class,
                event -> about.test(event) && (table.apply(event) | alsoNews.test(event)),
                coalesceKey,
                changed);
        Runnable load = () -> {
            table.load(current.get());
            table.loadReservations(reserved.get());
            loaded.run();
        };
        // Registered after the subscription, so it runs after it on attach.
        Registration onAttach = owner.addAttachListener(attach -> load.run());
        if (owner.isAttached()) {
            load.run();
        }
        // Forgotten first, then read: an event applied meanwhile still keeps an ended hold out
        // (the table remembers its token), and a lock that ended unheard goes with the clearing.
        Registration resynchronised =
                live.whileAttached(owner, Resynchronised.class, resync -> true, resync -> "resynchronised", resync -> {
                    table.clear();
                    load.run();
                });
        return () -> {
            events.remove();
            onAttach.remove();
            resynchronised.remove();
        };
    }

    public Optional<LockInfo> find(ResourceId resource) {
        return table.find(resource);
    }

    /** The reservation of a resource nobody holds, if one stands. */
    public Optional<Reservation> findReservation(ResourceId resource) {
        return table.findReservation(resource);
    }

    /** The live locks, oldest first. */
    public List<LockInfo> all() {
        return table.all();
    }
}
