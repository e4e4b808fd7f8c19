/**
 * Several nodes on one PostgreSQL: every shared event one node commits reaches the subscribers
 * of every other node through {@code LISTEN/NOTIFY} ({@code NotifyOnCommit} sends it inside the
 * committing transaction, {@code NotificationListener} hears the others on a connection of its
 * own), and a node that lost that connection resynchronises its live views once it is back.
 * Switched on by {@code orderdesk.cluster.enabled}; a single node (H2) delivers in-process only.
 */
@NullMarked
package org.orderdesk.cluster;

import org.jspecify.annotations.NullMarked;
