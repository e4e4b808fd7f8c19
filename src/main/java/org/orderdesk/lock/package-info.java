/**
 * The edit-lock engine: leases with fencing tokens, stored in the database, renewed by their
 * holder, swept when they lapse, audited and announced as events. Imports nothing from Vaadin,
 * from the users' accounts or from the resources it locks.
 *
 * <ul>
 *   <li>{@link org.orderdesk.lock.LockService}: the lease itself (acquire, renew, release, find,
 *       the fenced check a write makes, the live locks).
 *   <li>{@link org.orderdesk.lock.LockTakeOvers} and {@link org.orderdesk.lock.LockBreaks}: the
 *       privileged operations (moving editing to another tab, a supervisor taking over or breaking
 *       a lock, with a reason); they ask a {@link org.orderdesk.lock.SupervisorCheck}, which the
 *       user accounts implement, whether the actor is a supervisor.
 *   <li>{@link org.orderdesk.lock.ReleaseRequests}: asking a holder to release, at most once per
 *       interval per requester and resource, and the holder's answer (more time, or not now with a
 *       short message); {@code ReleaseReminders} reminds a holder whose more time has passed.
 *   <li>{@link org.orderdesk.lock.WaitingLines}: the fair waiting line of each resource and the
 *       {@link org.orderdesk.lock.Reservation} its first clerk gets when the holder lets go; only
 *       they may acquire until they do, decline, or it lapses.
 *   <li>{@link org.orderdesk.lock.LockLosses}: how a hold ended, as a renewal, a fenced save or an
 *       editor says it.
 *   <li>{@link org.orderdesk.lock.LockHistory}: the holds of one resource from the audit trail,
 *       each with how it ended (a release after a save is told from a plain one).
 *   <li>{@link org.orderdesk.lock.LockAuditTrail}: reading the audit trail;
 *       {@link org.orderdesk.lock.LockAdministration} is the Locks view's service on top of it.
 *   <li>{@link org.orderdesk.lock.LockSweeper}: expiry warnings, the removal of ended leases (the
 *       order goes to the first in its line), lapsed reservations, and the reminders of holders who
 *       asked for more time.
 * </ul>
 *
 * <p>They share {@code LockTransactions} (one transaction per step, the clock, audit rows and
 * events) and {@code LockStore} (every SQL statement, in {@code JdbcLockStore}); granting and
 * extending holds is {@code LockGrants}, whose turn it is {@code LockTurns} (every step that hands
 * a resource on, takes it or changes its line locks its turn row first), the supervisor and reason
 * rules {@code Privileges}. The
 * adapters in {@code lock.ui} and {@code lock.web} use this package; it never uses them.
 */
@NullMarked
package org.orderdesk.lock;

import org.jspecify.annotations.NullMarked;
