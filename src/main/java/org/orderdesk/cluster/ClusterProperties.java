package org.orderdesk.cluster;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code orderdesk.cluster.*}: whether this node shares its live events with the other nodes on
 * the same PostgreSQL, and how it keeps in touch with them.
 *
 * @param enabled relay events through PostgreSQL {@code LISTEN/NOTIFY}; off for a single node (H2)
 * @param channel the notification channel every node of one cluster listens on
 * @param pollInterval how long the listening connection waits for notifications at a time
 * @param reconnectMin the first pause before the listener reconnects after losing its connection
 * @param reconnectMax the longest pause between reconnection attempts (the pause doubles up to it)
 */
@ConfigurationProperties("orderdesk.cluster")
public record ClusterProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("orderdesk_events") String channel,
        @DefaultValue("250ms") Duration pollInterval,
        @DefaultValue("500ms") Duration reconnectMin,
        @DefaultValue("15s") Duration reconnectMax) {

    public ClusterProperties {
        if (!channel.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException(
                    "orderdesk.cluster.channel must be a lower-case SQL identifier, was '" + channel + "'");
        }
        if (reconnectMin.isNegative() || reconnectMin.isZero() || reconnectMax.compareTo(reconnectMin) < 0) {
            throw new IllegalArgumentException(
                    "orderdesk.cluster.reconnect-min must be positive and at most reconnect-max");
        }
    }
}
