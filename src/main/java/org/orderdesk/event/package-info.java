/**
 * Live events handed from the services to whoever subscribed: the views of this node and, for
 * {@link org.orderdesk.event.SharedEvent}s, the other nodes of a cluster.
 *
 * <p>Besides the services' events, the cluster relay delivers a few of its own, which views and
 * services react to without knowing how nodes talk: {@link org.orderdesk.event.Resynchronised}
 * (events may have been missed: reload what you show), {@link org.orderdesk.event.NodeHeartbeat}
 * (a node says it is alive), {@link org.orderdesk.event.NodeJoined} and {@link
 * org.orderdesk.event.NodeLost} (this node began to hear another node, or stopped hearing it for
 * longer than {@code orderdesk.cluster.node-timeout}).
 */
@NullMarked
package org.orderdesk.event;

import org.jspecify.annotations.NullMarked;
