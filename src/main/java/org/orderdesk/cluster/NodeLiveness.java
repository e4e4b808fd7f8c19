package org.orderdesk.cluster;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.orderdesk.event.EventBroadcaster;
import org.orderdesk.event.NodeHeartbeat;
import org.orderdesk.event.NodeJoined;
import org.orderdesk.event.NodeLost;
import org.orderdesk.event.NodeName;
import org.orderdesk.event.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Which other nodes this node hears: it notes the time of each node's last heartbeat and, every
 * {@code heartbeat-interval}, counts a node unheard for longer than {@code node-timeout} as gone.
 * Tells this node's subscribers when it first hears a node ({@link NodeJoined}) and when it gives
 * one up ({@link NodeLost}). Times come from the application's clock, so tests move it instead of
 * waiting; only the pace of the checks is real time.
 */
@Component
@ConditionalOnBooleanProperty("orderdesk.cluster.enabled")
class NodeLiveness implements SchedulingConfigurer, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NodeLiveness.class);

    private final EventBroadcaster broadcaster;
    private final NodeName self;
    private final ClusterProperties settings;
    private final Clock clock;
    /** When each other node was last heard, by this node's clock. */
    private final Map<NodeName, Instant> lastHeard = new ConcurrentHashMap<>();

    private final Subscription heartbeats;

    NodeLiveness(EventBroadcaster broadcaster, NodeName self, ClusterProperties settings, Clock clock) {
        this.broadcaster = broadcaster;
        this.self = self;
        this.settings = settings;
        this.clock = clock;
        this.heartbeats = broadcaster.subscribe(NodeHeartbeat.class, this::heard);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::dropSilentNodes, settings.heartbeatInterval());
    }

    @Override
    public void destroy() {
        heartbeats.cancel();
    }

    /** Runs on the listener's thread (and on this node's scheduler for its own beats, which are skipped). */
    private void heard(NodeHeartbeat heartbeat) {
        if (heartbeat.node().equals(self)) {
            return;
        }
        if (lastHeard.put(heartbeat.node(), clock.instant()) == null) {
            log.info("Hearing node {}", heartbeat.node());
            broadcaster.deliver(new NodeJoined(heartbeat.node()));
        }
    }

    private void dropSilentNodes() {
        Instant heardAfter = clock.instant().minus(settings.nodeTimeout());
        lastHeard.forEach((node, heard) -> {
            // Removed only if no heartbeat came meanwhile.
            if (heard.isBefore(heardAfter) && lastHeard.remove(node, heard)) {
                log.warn(
                        "Node {} was last heard at {}, more than {} ago: counting it gone",
                        node,
                        heard,
                        settings.nodeTimeout());
                broadcaster.deliver(new NodeLost(node));
            }
        });
    }
}
