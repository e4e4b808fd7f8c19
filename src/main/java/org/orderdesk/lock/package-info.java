/**
 * The edit-lock engine: leases with fencing tokens, stored in the database, renewed by their
 * holder, swept when they lapse, audited and announced as events. Imports nothing from Vaadin.
 */
@NullMarked
package org.orderdesk.lock;

import org.jspecify.annotations.NullMarked;
