package org.orderdesk.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.orderdesk.event.EventBroadcaster;
import org.orderdesk.event.LiveEvent;
import org.orderdesk.event.Subscription;
import org.springframework.beans.factory.DisposableBean;

/**
 * Brings committed {@link LiveEvent}s to the components that show them, by server push. A
 * component subscribes while it is attached and is unsubscribed when it detaches; each update runs
 * inside {@code ui.access}, and the updates for one UI are coalesced to at most one push per
 * {@code orderdesk.push.min-interval}. Meters under {@code /actuator/metrics/orderdesk.live.*}
 * say how many subscriptions are held, how many pushes are on their way and how many went out.
 */
@org.springframework.stereotype.Component
public class LiveUpdates implements DisposableBean {

    private final EventBroadcaster broadcaster;
    private final long minIntervalNanos;
    /** Times the coalesced pushes; the pushes themselves run on virtual threads. */
    private final ScheduledExecutorService pushTimer = Executors.newSingleThreadScheduledExecutor(daemonThread());

    private final AtomicInteger scheduledFlushes = new AtomicInteger();
    private final Counter pushes;

    LiveUpdates(EventBroadcaster broadcaster, PushProperties settings, MeterRegistry meters) {
        this.broadcaster = broadcaster;
        this.minIntervalNanos = settings.minInterval().toNanos();
        Gauge.builder("orderdesk.live.subscriptions", broadcaster, EventBroadcaster::subscriberCount)
                .description("Live-update subscriptions of attached components on this node")
                .register(meters);
        Gauge.builder("orderdesk.live.pushes.pending", scheduledFlushes, AtomicInteger::get)
                .description("Pushes scheduled but not yet handed to their UI")
                .register(meters);
        this.pushes = Counter.builder("orderdesk.live.pushes")
                .description("Pushes handed to a UI, each carrying one or more coalesced updates")
                .register(meters);
    }

    /**
     * While {@code owner} is attached, runs {@code update} in its UI for every committed event of
     * {@code type} that passes {@code relevant}. The filter runs on the committing thread and must
     * be quick and thread-safe; the update runs with the UI locked.
     *
     * @return removes the subscription for good
     */
    public <E extends LiveEvent> Registration whileAttached(
            Component owner, Class<E> type, Predicate<? super E> relevant, Consumer<? super E> update) {
        return whileAttached(owner, type, relevant, event -> new Object(), update);
    }

    /**
     * As {@link #whileAttached(Component, Class, Predicate, Consumer)}, but an update waiting for
     * the next push is replaced by a later one with an equal {@code coalesceKey}: use it where
     * only the latest state matters, such as one grid row.
     */
    public <E extends LiveEvent> Registration whileAttached(
            Component owner,
            Class<E> type,
            Predicate<? super E> relevant,
            Function<? super E, ?> coalesceKey,
            Consumer<? super E> update) {
        AttachedSubscription<E> subscription = new AttachedSubscription<>(owner, type, relevant, coalesceKey, update);
        owner.getUI().ifPresent(subscription::start);
        Registration onAttach = owner.addAttachListener(attach -> subscription.start(attach.getUI()));
        Registration onDetach = owner.addDetachListener(detach -> subscription.stop());
        return () -> {
            onAttach.remove();
            onDetach.remove();
            subscription.stop();
        };
    }

    @Override
    public void destroy() {
        pushTimer.shutdownNow();
    }

    /** One queue per UI, kept with the UI so that it goes when the UI goes. */
    private UiPushQueue queueOf(UI ui) {
        UiPushQueue queue = ComponentUtil.getData(ui, UiPushQueue.class);
        if (queue == null) {
            queue = new UiPushQueue(ui, pushTimer, minIntervalNanos, scheduledFlushes, pushes);
            ComponentUtil.setData(ui, UiPushQueue.class, queue);
        }
        return queue;
    }

    private static ThreadFactory daemonThread() {
        return task -> {
            Thread thread = new Thread(task, "live-push-timer");
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Keys coalesce only within one subscription. */
    private record QueueKey(Object subscription, Object key) {}

    /** The broadcaster subscription of one attached component; attach and detach run with the UI locked. */
    private final class AttachedSubscription<E extends LiveEvent> {

        private final Component owner;
        private final Class<E> type;
        private final Predicate<? super E> relevant;
        private final Function<? super E, ?> coalesceKey;
        private final Consumer<? super E> update;
        private @Nullable Subscription subscription;
        /** Read and written with the UI locked: on attach, on detach and in the queued updates. */
        private boolean active;

        AttachedSubscription(
                Component owner,
                Class<E> type,
                Predicate<? super E> relevant,
                Function<? super E, ?> coalesceKey,
                Consumer<? super E> update) {
            this.owner = owner;
            this.type = type;
            this.relevant = relevant;
            this.coalesceKey = coalesceKey;
            this.update = update;
        }

        void start(UI ui) {
            stop();
            active = true;
            UiPushQueue queue = queueOf(ui);
            subscription = broadcaster.subscribe(type, event -> {
                if (relevant.test(event)) {
                    queue.offer(new QueueKey(this, coalesceKey.apply(event)), () -> {
                        // Stopped (detached, or the view moved on) while the update waited for its push.
                        if (active && owner.isAttached()) {
                            update.accept(event);
                        }
                    });
                }
            });
        }

        void stop() {
            active = false;
            if (subscription != null) {
                subscription.cancel();
                subscription = null;
            }
        }
    }
}
