package org.orderdesk.cluster;

import org.orderdesk.event.NodeName;
import org.orderdesk.event.SharedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sends every shared event to the other nodes as a PostgreSQL notification, from inside the
 * transaction that publishes it: PostgreSQL delivers the notification when that transaction
 * commits, and never when it rolls back. An event published outside a transaction goes at once.
 */
@Component
@ConditionalOnBooleanProperty("orderdesk.cluster.enabled")
class NotifyOnCommit {

    private static final Logger log = LoggerFactory.getLogger(NotifyOnCommit.class);

    private final JdbcClient jdbc;
    private final EventCodec codec;
    private final NodeName node;
    private final String channel;

    NotifyOnCommit(JdbcClient jdbc, EventCodec codec, NodeName node, ClusterProperties settings) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.node = node;
        this.channel = settings.channel();
    }

    @EventListener
    void send(SharedEvent event) {
        String payload = codec.encode(node, event).orElseGet(() -> {
            // Cannot happen with today's events, whose texts are bounded; should it ever, the
            // other nodes reload what they show instead of missing the change.
            log.error("{} is too large for a notification; the other nodes resynchronise instead", event);
            return codec.encode(node, new EventsMissed()).orElseThrow();
        });
        jdbc.sql("select pg_notify(:channel, :payload)")
                .param("channel", channel)
                .param("payload", payload)
                .query()
                .singleRow();
    }
}
