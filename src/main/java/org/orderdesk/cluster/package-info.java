/**
 * Several nodes on one PostgreSQL: every shared event one node commits reaches the subscribers
 * of every other node through {@code LISTEN/NOTIFY} ({@code NotifyOnCommit} sends it inside the
 * committing transaction, {@code NotificationListener} hears the others on a connection of its
 * own). Switched on by {@code orderdesk.cluster.enabled}; a single node (H2) delivers in-process
 * only.
 *
 * <p><b>Resynchronisation.</b> A node that lost its listening connection missed whatever was
 * sent meanwhile, and PostgreSQL does not keep it. Once it listens again it delivers {@link
 * org.orderdesk.event.Resynchronised} to its own subscribers, and each live view reloads what it
 * shows from the database (locks, orders, waits, an editor's hold) and asks the other nodes for
 * their viewers; none of that is done here, the views know what they show.
 *
 * <p><b>Liveness.</b> {@code Heartbeats} sends a {@link org.orderdesk.event.NodeHeartbeat} every
 * {@code orderdesk.cluster.heartbeat-interval} (10 s); {@code NodeLiveness} notes when it last
 * heard each other node and, checking as often, delivers {@link org.orderdesk.event.NodeLost} for
 * a node silent for longer than {@code orderdesk.cluster.node-timeout} (30 s, longer than the
 * interval), and {@link org.orderdesk.event.NodeJoined} when it hears a node first or again. What
 * only a lost node knew (its clerks' presence) thus disappears from the others at most timeout
 * plus interval after it stopped; its edit locks live in the database and end with their lease.
 * Times are read from the application's {@code Clock}; only the pace of the checks is real time.
 *
 * <p>This package relays events without knowing what they are about: it imports {@code event}
 * and nothing else of the application ({@code ArchitectureTest}).
 */
@NullMarked
package org.orderdesk.cluster;

import org.jspecify.annotations.NullMarked;
