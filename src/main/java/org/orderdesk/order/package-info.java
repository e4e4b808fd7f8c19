/**
 * Orders and editing them under their edit locks.
 *
 * <p>{@link org.orderdesk.order.OrderEditing} is the editor's service: it opens an order under its
 * lock, renews, saves fenced by the lock's token, takes the lock back and releases it. One
 * editor's hold lives in an {@link org.orderdesk.order.EditSession}: holding, lost (with the
 * reason) or released. The session applies the {@link org.orderdesk.order.RenewalGate}'s limits,
 * picks the lock events that concern its hold, and reports each change to its one listener as an
 * {@link org.orderdesk.order.EditSession.Update}; the editor view only shows those. The session
 * reaches the lock engine and the database through {@link org.orderdesk.order.EditOperations}, so
 * that it runs and is tested without Spring or Vaadin.
 *
 * <p><b>Presence</b> ({@link org.orderdesk.order.OrderPresence}): who looks at which order, kept in
 * memory. This node's visits are announced to the other nodes as a {@link
 * org.orderdesk.order.ViewersOnNode} whenever they change ({@code ViewerAnnouncements}, off the
 * UI thread); theirs are kept per node ({@code RemoteViewers}) until they announce others or are
 * counted gone ({@link org.orderdesk.event.NodeLost}, after {@code
 * orderdesk.cluster.node-timeout}). On hearing a node first, and after a resynchronisation, a
 * node asks all the others to announce again ({@link org.orderdesk.order.ViewersRequested},
 * {@code PresenceExchange}); each answers with all its viewers.
 *
 * <p><b>After a resynchronisation</b> (events from other nodes may have been missed): an {@link
 * org.orderdesk.order.EditSession} asks the lock engine whether its hold still stands and, if
 * not, is lost with the reason as if the event had come; {@link org.orderdesk.order.FreeNotices}
 * gives each tab the waits of its session, so that an order free now is told as if its release
 * had been heard.
 */
@NullMarked
package org.orderdesk.order;

import org.jspecify.annotations.NullMarked;
