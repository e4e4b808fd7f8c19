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
 */
@NullMarked
package org.orderdesk.order;

import org.jspecify.annotations.NullMarked;
