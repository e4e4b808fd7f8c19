package org.orderdesk.lock;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What every lock operation shares: one transaction per step (retried when a concurrent insert or
 * a lock wait got in the way), the time by the injected clock, and the audit row plus the event
 * that go with each change. Events reach subscribers only after the step commits.
 */
@Component
class LockTransactions {

    private static final Logger log = LoggerFactory.getLogger(LockTransactions.class);
    private static final int MAX_ATTEMPTS = 50;
    private static final long MAX_BACK_OFF_NANOS = 1_000_000;
    private static final int STEP_TIMEOUT_SECONDS = 10;

    private final LockStore store;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    LockTransactions(
            LockStore store,
            PlatformTransactionManager transactionManager,
            Clock clock,
            ApplicationEventPublisher events) {
        this.store = store;
        this.transactions = new TransactionTemplate(transactionManager);
        // A lock step never joins a caller's transaction: it commits (and announces) on its own,
        // holds its row lock only for itself, and also works from an after-commit event listener.
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        // A step queued behind a row lock gives up instead of holding a connection for ever.
        this.transactions.setTimeout(STEP_TIMEOUT_SECONDS);
        this.clock = clock;
        this.events = events;
    }

    /**
     * Runs {@code step} in a transaction of its own. A duplicate key (two inserts for one free
     * resource) or a lock wait that timed out means another node or thread won the race: the step
     * is run again and then sees the winner's row.
     */
    <T> T atomically(Supplier<T> step) {
        for (int attempt = 1; ; attempt++) {
            try {
                T result = transactions.execute(status -> step.get());
                if (result == null) {
                    throw new IllegalStateException("A lock step returned nothing");
                }
                return result;
            } catch (DuplicateKeyException | ConcurrencyFailureException race) {
                if (attempt == MAX_ATTEMPTS) {
                    throw race;
                }
                log.debug("Lock step lost a race (attempt {}), retrying", attempt, race);
                backOff(attempt);
            }
        }
    }

    /**
     * A short random pause before the next attempt, so that losers of a race on a lock that keeps
     * being released and taken (PostgreSQL makes each of them wait for the winner's commit) do
     * not collide again at once. At most a millisecond.
     */
    private static void backOff(int attempt) {
        long bound = Math.min(MAX_BACK_OFF_NANOS, 20_000L * attempt);
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(bound));
    }

    /** Now, to the microsecond that both databases store. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Writes the audit row of a change, inside the current step. */
    void audit(LockAction action, LockInfo lock, @Nullable LockUser actor, @Nullable String reason, Instant at) {
        store.audit(LockAuditEntry.of(
                at, lock.resource(), action, lock.token(), lock.holder().user(), actor, reason));
    }

    /** Writes the audit row of a change to a reservation, inside the current step; its token is the reservation's id. */
    void audit(
            LockAction action, Reservation reservation, @Nullable LockUser actor, @Nullable String reason, Instant at) {
        store.audit(LockAuditEntry.of(
                at, reservation.resource(), action, reservation.id(), reservation.user(), actor, reason));
    }

    /**
     * Counts a renewal on the audit row of the hold it extends, inside the current step: a hold
     * keeps one row however long it lasts, where a row per renewal would add 120 an hour per editor.
     */
    void auditRenewal(LockInfo lock, Instant at) {
        store.countRenewal(lock.token(), at);
    }

    /**
     * Records that a lease ended unrenewed: found by the clerk who takes the lock next
     * ({@code actor}), or by the sweeper (null).
     */
    void recordExpiry(LockInfo lock, @Nullable LockUser actor, Instant now) {
        audit(LockAction.EXPIRED, lock, actor, null, now);
        publish(new LockEvent.Expired(lock.resource(), lock.holder(), lock.token(), lock.expiresAt(), now));
    }

    /** Publishes an event bound to the current step: subscribers see it once the step commits. */
    void publish(LockEvent event) {
        events.publishEvent(event);
    }
}
