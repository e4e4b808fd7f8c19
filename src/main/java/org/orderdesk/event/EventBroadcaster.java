package org.orderdesk.event;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Hands committed {@link LiveEvent}s to subscribers, one subscription per listener, each removable.
 * Delivery happens on the publishing thread right after commit (or at once outside a
 * transaction), so subscribers must be quick: views hand the event to {@code ui.access}. A
 * subscriber that throws is logged and does not keep the event from the others.
 */
@Component
public class EventBroadcaster {

    private static final Logger log = LoggerFactory.getLogger(EventBroadcaster.class);

    /** In subscription order; copied on write, as subscriptions change far less often than events come. */
    private final List<Subscriber<?>> subscribers = new CopyOnWriteArrayList<>();

    /** Calls {@code listener} with every committed event of {@code type} until cancelled. */
    public <E extends LiveEvent> Subscription subscribe(Class<E> type, Consumer<? super E> listener) {
        Subscriber<E> subscriber = new Subscriber<>(type, listener);
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onCommitted(LiveEvent event) {
        deliver(event);
    }

    /** Delivers an event that is already committed, for example one relayed from another node. */
    public void deliver(LiveEvent event) {
        for (Subscriber<?> subscriber : subscribers) {
            try {
                subscriber.offer(event);
            } catch (RuntimeException e) {
                log.warn("A subscriber failed on {}; the others still get it", event, e);
            }
        }
    }

    /** Identity matters: two subscriptions of the same listener are two entries. */
    private static final class Subscriber<E extends LiveEvent> {

        private final Class<E> type;
        private final Consumer<? super E> listener;

        Subscriber(Class<E> type, Consumer<? super E> listener) {
            this.type = type;
            this.listener = listener;
        }

        void offer(LiveEvent event) {
            if (type.isInstance(event)) {
                listener.accept(type.cast(event));
            }
        }
    }
}
