/**
 * The application's frame and what its views share: the layout, {@link
 * org.orderdesk.ui.LiveUpdates} (committed events to attached components by push, always in
 * {@code ui.access}, coalesced per tab), {@link org.orderdesk.ui.LiveLockTable} (the one
 * subscribe-load-clear protocol for a live lock table, which also loads its locks again when the
 * node resynchronises with the other nodes), dialogs, notices and the countdown.
 */
@NullMarked
package org.orderdesk.ui;

import org.jspecify.annotations.NullMarked;
