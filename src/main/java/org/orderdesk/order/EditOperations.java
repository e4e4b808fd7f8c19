package org.orderdesk.order;

import java.util.Optional;
import org.orderdesk.lock.LockHolder;
import org.orderdesk.lock.LockLoss;
import org.orderdesk.lock.LockUser;
import org.orderdesk.lock.ReleaseAnswer;
import org.orderdesk.lock.RenewOutcome;

/**
 * What an {@link EditSession} asks of the lock engine and the database: taking, keeping and giving
 * up one order's edit lock, and saving under it. {@link OrderEditing} does it for the application;
 * the session's own tests do it in memory. Every step but {@link #save} throws {@link
 * org.orderdesk.database.DatabaseNotAnsweringException} when the database did not answer; {@link
 * #save} says so in its {@link SaveFailedException}.
 */
interface EditOperations {

    /** Acquires the order's lock and, once it is held, loads the order under it. */
    EditStart open(long orderId, LockHolder holder, String sessionId);

    /** Takes the lock over from the same clerk's other tab. */
    EditStart moveHere(long orderId, String orderNumber, LockHolder holder, String sessionId);

    /**
     * A supervisor takes the order over from the hold of {@code token}, giving a reason.
     *
     * @throws org.springframework.security.access.AccessDeniedException when the signed-in user is
     *     not a supervisor
     * @throws IllegalArgumentException when the reason is blank or too long
     */
    EditStart takeOver(long orderId, long token, String holderKey, String reason, String sessionId);

    /**
     * Takes the lock again after it was lost, for the draft loaded at {@code loadedVersion}.
     *
     * @throws OrderChangedException when someone saved the order meanwhile (the lock is let go)
     */
    EditStart reacquire(EditLock lost, long loadedVersion);

    RenewOutcome renew(EditLock lock);

    void release(EditLock lock);

    /** Gives the lock up after the clerk saved under it, which the order's history shows. */
    void releaseAfterSave(EditLock lock);

    /**
     * Saves the draft, fenced by the lock.
     *
     * @throws org.orderdesk.lock.LockLostException when the lock is no longer held
     * @throws OrderChangedException when someone saved the order after it was loaded
     * @throws InvalidOrderException when the server refuses values, saying which
     * @throws SaveFailedException when the database did not answer or anything else went wrong
     */
    Order save(EditLock lock, long loadedVersion, OrderDraft draft);

    /** How {@code lock} was lost; empty while it is still held. */
    Optional<LockLoss> lossOf(EditLock lock);

    /** Whether the database answered its last probe: asking it now is worth a try. */
    boolean databaseAnswers();

    /**
     * Answers {@code requester}'s request to release {@code lock}, with an optional message as typed.
     *
     * @return false when the hold ended or the requester's request no longer stands
     * @throws IllegalArgumentException when the message is not acceptable, saying why
     */
    boolean answer(EditLock lock, LockUser requester, ReleaseAnswer answer, String message);
}
