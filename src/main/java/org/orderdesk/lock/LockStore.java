package org.orderdesk.lock;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Storage of locks and of their audit trail. Every method is one statement; the callers combine
 * them inside one transaction, and the {@code ...ForUpdate} reads lock the row until it ends.
 */
interface LockStore {

    /** The lock row, locked for the rest of the transaction; empty if there is none. */
    Optional<LockInfo> findForUpdate(ResourceId resource);

    Optional<LockInfo> find(ResourceId resource);

    /** Locks whose lease has not ended, oldest first. */
    List<LockInfo> findLive(Instant now);

    long countLive(Instant now);

    /** A new fencing token, greater than every token handed out before. */
    long nextToken();

    /** Inserts a lock for a free resource; fails with a duplicate key if a row appeared meanwhile. */
    void insert(LockInfo lock);

    /** Replaces the lock row if it still carries {@code expectedToken}. */
    boolean replace(LockInfo lock, long expectedToken);

    boolean delete(ResourceId resource, long token);

    /** Deletes the lock only if it still carries {@code token} and its lease ended by {@code now}. */
    boolean deleteIfExpired(ResourceId resource, long token, Instant now);

    /** Marks the lease as announced, once: false if it was renewed, announced or ended meanwhile. */
    boolean markExpiryWarned(ResourceId resource, long token, Instant expiresAt, Instant now);

    /** Leases ending in ({@code now}, {@code until}] that nobody announced yet. */
    List<LockInfo> findExpiringUnwarned(Instant now, Instant until, int limit);

    List<LockInfo> findExpired(Instant now, int limit);

    void audit(LockAuditEntry entry);

    /**
     * Adds one to the renewals counted on the ACQUIRED entry of the hold of {@code token} and
     * makes {@code at} its last renewal; nothing when that hold has no such entry.
     */
    void countRenewal(long token, Instant at);

    /** The audit entry that ended the hold of {@code token}, if it ended. */
    Optional<LockAuditEntry> findEndOfHold(long token);

    /**
     * The holds of {@code resource} (its ACQUIRED entries), newest first, each with the entry that
     * ended it and its lock row's lease end while that row is there.
     */
    List<StoredHold> findHolds(ResourceId resource, long offset, int limit);

    long countHolds(ResourceId resource);

    /** When {@code username} last asked for the release of {@code resource}, if ever. */
    Optional<Instant> lastReleaseRequest(ResourceId resource, String username);

    /**
     * Reminds the hold of {@code token} at {@code remindAt} that {@code requester} waits, in place
     * of any reminder about the same requester.
     */
    void scheduleReminder(long token, LockUser requester, Instant remindAt);

    /** Drops the reminder of the hold of {@code token} about {@code requester}, if any. */
    void cancelReminder(long token, String requesterUsername);

    /** Reminders due by {@code now} of holds that are live, the earliest first. */
    List<DueReminder> findDueReminders(Instant now, int limit);

    /** Takes the reminder if it is still the one due at {@code remindAt}: only one caller gets it. */
    boolean takeReminder(long token, String requesterUsername, Instant remindAt);

    /** Drops the reminders of holds that have ended; returns how many. */
    int deleteRemindersOfEndedHolds();

    /** Newest first. */
    List<LockAuditEntry> findAudit(AuditFilter filter, long offset, int limit);

    long countAudit(AuditFilter filter);

    // The turn row of a resource: the per-resource mutex of every step that hands it on, and its reservation.

    /** The resource's turn row, locked for the rest of the transaction; empty if there is none yet. */
    Optional<Turn> findTurnForUpdate(ResourceId resource);

    /** Inserts the resource's turn row, without a reservation; fails with a duplicate key if one appeared meanwhile. */
    void insertTurn(ResourceId resource);

    /** Puts {@code reservation} on the resource's (existing) turn row, for the place in line of {@code waiterKey}. */
    void reserve(Reservation reservation, String waiterKey);

    /** Removes the reservation {@code reservationId} from the resource's turn row; false if it is not there. */
    boolean clearReservation(ResourceId resource, long reservationId);

    Optional<Reservation> findReservation(ResourceId resource);

    /** Reservations that have not ended by {@code now}, oldest first. */
    List<Reservation> findLiveReservations(Instant now);

    /** Reservations that ended by {@code now} and are still on their turn rows, oldest end first. */
    List<Reservation> findLapsedReservations(Instant now, int limit);

    /** The reservations that came from places in line of {@code waiterKey}. */
    List<Reservation> findReservationsOf(String waiterKey);

    // The waiting lines.

    /** A new position at the end of any line, greater than every one handed out before. */
    long nextLineSeq();

    /** Inserts a place in line; fails with a duplicate key if the user already waits for the resource. */
    void insertWaiter(Waiter waiter);

    Optional<Waiter> firstInLine(ResourceId resource);

    Optional<Waiter> findWaiter(ResourceId resource, String username);

    /** 1 for the first in line, and so on; 0 when {@code username} does not wait for the resource. */
    int placeInLine(ResourceId resource, String username);

    boolean deleteWaiter(ResourceId resource, String username);

    /** The places in line of {@code waiterKey}. */
    List<Waiter> findWaitersOf(String waiterKey);

    /** Moves the places in line and reservations of {@code from} to {@code to}. */
    void rekey(String from, String to);
}
