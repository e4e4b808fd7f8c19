package org.orderdesk.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventBroadcasterTest {

    record Ping(int n) implements LiveEvent {}

    record Pong(int n) implements LiveEvent {}

    final EventBroadcaster broadcaster = new EventBroadcaster();

    @Test
    void subscribersGetTheEventsOfTheirTypeUntilTheyCancel() {
        List<Ping> pings = new ArrayList<>();
        Subscription subscription = broadcaster.subscribe(Ping.class, pings::add);

        broadcaster.deliver(new Ping(1));
        broadcaster.deliver(new Pong(2));
        subscription.cancel();
        broadcaster.deliver(new Ping(3));

        assertThat(pings).containsExactly(new Ping(1));
        assertThat(broadcaster.subscriberCount()).isZero();
    }

    @Test
    void aFailingSubscriberDoesNotKeepTheEventFromTheOthers() {
        List<LiveEvent> before = new ArrayList<>();
        List<LiveEvent> after = new ArrayList<>();
        broadcaster.subscribe(LiveEvent.class, before::add);
        broadcaster.subscribe(LiveEvent.class, event -> {
            throw new IllegalStateException("a broken view");
        });
        broadcaster.subscribe(LiveEvent.class, after::add);

        broadcaster.deliver(new Ping(1));

        assertThat(before).containsExactly(new Ping(1));
        assertThat(after).containsExactly(new Ping(1));
    }

    @Test
    void theSameListenerSubscribedTwiceIsTwoSubscriptions() {
        List<LiveEvent> seen = new ArrayList<>();
        Subscription first = broadcaster.subscribe(LiveEvent.class, seen::add);
        broadcaster.subscribe(LiveEvent.class, seen::add);

        first.cancel();
        first.cancel();
        broadcaster.deliver(new Ping(1));

        assertThat(seen).hasSize(1);
        assertThat(broadcaster.subscriberCount()).isEqualTo(1);
    }
}
