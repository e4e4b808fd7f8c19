package org.orderdesk.cluster;

import java.time.Duration;
import java.util.Locale;
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
 * @param heartbeatInterval how often this node tells the others it is alive, and how often it
 *     checks whether it still hears them
 * @param nodeTimeout after this long without a heartbeat, a node counts as gone and the viewers it
 *     announced disappear from the others' screens (within one more heartbeat interval)
 */
@ConfigurationProperties("orderdesk.cluster")
public record ClusterProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("orderdesk_events") String channel,
        @DefaultValue("250ms") Duration pollInterval,
        @DefaultValue("500ms") Duration reconnectMin,
        @DefaultValue("15s") Duration reconnectMax,
        @DefaultValue("10s") Duration heartbeatInterval,
        @DefaultValue("30s") Duration nodeTimeout) {

    public ClusterProperties {
        if (!channel.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException(
                    "orderdesk.cluster.channel must be a lower-case SQL identifier, was '" + channel + "'");
        }
        if (reconnectMin.isNegative() || reconnectMin.isZero() || reconnectMax.compareTo(reconnectMin) < 0) {
            throw new IllegalArgumentException(
                    "orderdesk.cluster.reconnect-min must be positive and at most reconnect-max");
        }
        if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
            throw new IllegalArgumentException(setting("heartbeat-interval", heartbeatInterval) + " must be positive");
        }
        // A single late heartbeat must not make the others drop this node's viewers.
        if (nodeTimeout.compareTo(heartbeatInterval) <= 0) {
            throw new IllegalArgumentException(setting("node-timeout", nodeTimeout) + " must be longer than "
                    + setting("heartbeat-interval", heartbeatInterval));
        }
    }

    private static String setting(String name, Duration value) {
        return "orderdesk.cluster." + name + " ("
                + value.toString().substring(2).toLowerCase(Locale.ROOT) + ")";
    }
}
