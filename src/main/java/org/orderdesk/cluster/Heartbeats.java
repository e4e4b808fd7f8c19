package org.orderdesk.cluster;

import org.orderdesk.event.NodeHeartbeat;
import org.orderdesk.event.NodeName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Tells the other nodes every {@code heartbeat-interval} that this node is alive. A node that
 * stops (crashed, cut off from the database) stops sending, and the others forget what it told
 * them after {@code node-timeout}; see {@link NodeLiveness}.
 */
@Component
@ConditionalOnBooleanProperty("orderdesk.cluster.enabled")
class Heartbeats implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(Heartbeats.class);

    private final ApplicationEventPublisher publisher;
    private final NodeName node;
    private final ClusterProperties settings;
    /** Only the scheduler's thread reads and writes it. */
    private boolean failing;

    Heartbeats(ApplicationEventPublisher publisher, NodeName node, ClusterProperties settings) {
        this.publisher = publisher;
        this.node = node;
        this.settings = settings;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedRateTask(this::beat, settings.heartbeatInterval());
    }

    /** Published like any shared event: {@code NotifyOnCommit} sends it at once, outside a transaction. */
    private void beat() {
        try {
            publisher.publishEvent(new NodeHeartbeat(node));
            if (failing) {
                log.info("Heartbeats reach the other nodes again");
                failing = false;
            }
        } catch (RuntimeException e) {
            // Logged once per outage: the others will count this node gone, which is the truth.
            if (!failing) {
                log.warn(
                        "Could not send a heartbeat to the other nodes; retrying every {}",
                        settings.heartbeatInterval(),
                        e);
                failing = true;
            }
        }
    }
}
