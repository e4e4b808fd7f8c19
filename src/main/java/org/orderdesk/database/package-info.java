/**
 * Whether this node's database answers: {@link org.orderdesk.database.DatabaseAvailability} probes
 * it on a schedule and at once when a caller met no answer, and tells this node's subscribers when
 * it stops and starts answering ({@link org.orderdesk.database.DatabaseUnavailable}, {@link
 * org.orderdesk.database.DatabaseAvailable}, then {@link org.orderdesk.event.Resynchronised}).
 * {@link org.orderdesk.database.DatabaseFailures} tells a failure of the database to answer from
 * every other failure. Free of Vaadin; the lock engine does not use it.
 */
@NullMarked
package org.orderdesk.database;

import org.jspecify.annotations.NullMarked;
