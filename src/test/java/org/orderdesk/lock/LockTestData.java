package org.orderdesk.lock;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.orderdesk.event.EventBroadcaster;
import org.orderdesk.event.Subscription;

/** The demo users as lock holders, and the events a test saw. */
final class LockTestData {

    static final LockUser ALICE = new LockUser("alice", "Alice");
    static final LockUser BOB = new LockUser("bob", "Bob");
    static final LockUser CAROL = new LockUser("carol", "Carol");
    static final LockUser SAM = new LockUser("sam", "Sam");

    private LockTestData() {}

    /** A holder for one editor instance (one tab) of {@code user}. */
    static LockHolder tabOf(LockUser user) {
        return new LockHolder(user, UUID.randomUUID().toString());
    }

    /** Records the committed lock events until closed. */
    static final class RecordedEvents implements AutoCloseable {

        private final List<LockEvent> events = new CopyOnWriteArrayList<>();
        private final Subscription subscription;

        RecordedEvents(EventBroadcaster broadcaster) {
            subscription = broadcaster.subscribe(LockEvent.class, events::add);
        }

        List<LockEvent> all() {
            return List.copyOf(events);
        }

        <E extends LockEvent> List<E> of(Class<E> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }

        void clear() {
            events.clear();
        }

        @Override
        public void close() {
            subscription.cancel();
        }
    }
}
