package org.orderdesk.cluster;

import org.orderdesk.event.NodeName;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code cluster} component of {@code /actuator/health}: UP while this node hears the other
 * nodes, DOWN with the reason while it does not. Locks keep working either way; what is missing
 * is the live view of changes made on other nodes.
 */
@Component("cluster")
@ConditionalOnBooleanProperty("orderdesk.cluster.enabled")
class ClusterHealth implements HealthIndicator {

    private final NotificationListener listener;
    private final NodeName node;

    ClusterHealth(NotificationListener listener, NodeName node) {
        this.listener = listener;
        this.node = node;
    }

    @Override
    public Health health() {
        ListenerState state = listener.state();
        Health.Builder health = state.listening() ? Health.up() : Health.down();
        health.withDetail("node", node.value())
                .withDetail("since", state.since().toString());
        if (state.problem() != null) {
            health.withDetail("reason", "Not hearing the other nodes: " + state.problem());
        }
        return health.build();
    }
}
