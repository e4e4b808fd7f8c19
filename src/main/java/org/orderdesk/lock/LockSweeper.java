package org.orderdesk.lock;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Every sweep-interval: announces leases that end within warn-before (once per lease; a renewal
 * re-arms it), removes leases that ended, handing each order on to the first in its line, passes
 * reservations that lapsed on to the next in line, and reminds holders whose "Give me 5 minutes"
 * ran out ({@link ReleaseReminders}). All are conditional statements, so when several nodes sweep
 * at once each warning, removal, lapse and reminder is won, and published, by exactly one.
 */
@Component
public class LockSweeper implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(LockSweeper.class);
    private static final int BATCH = 500;

    private final LockStore store;
    private final LockTransactions steps;
    private final LockProperties settings;
    private final LockTurns turns;
    private final ReleaseReminders reminders;

    LockSweeper(
            LockStore store,
            LockTransactions steps,
            LockProperties settings,
            LockTurns turns,
            ReleaseReminders reminders) {
        this.store = store;
        this.steps = steps;
        this.settings = settings;
        this.turns = turns;
        this.reminders = reminders;
    }

    /** What one sweep did. */
    public record Sweep(int warned, int expired, int lapsed, int reminded) {}

    public Sweep sweep() {
        Instant now = steps.now();
        int warned = 0;
        for (LockInfo lock : store.findExpiringUnwarned(now, now.plus(settings.warnBefore()), BATCH)) {
            if (steps.atomically(() -> warnOnce(lock))) {
                warned++;
            }
        }
        int expired = 0;
        for (LockInfo lock : store.findExpired(now, BATCH)) {
            if (steps.atomically(() -> expireOnce(lock))) {
                expired++;
            }
        }
        int lapsed = 0;
        for (Reservation reservation : store.findLapsedReservations(steps.now(), BATCH)) {
            if (steps.atomically(() -> lapseOnce(reservation))) {
                lapsed++;
            }
        }
        int reminded = reminders.remindDue(BATCH);
        return new Sweep(warned, expired, lapsed, reminded);
    }

    /** One step per lock, each with a fresh time: a sweep of many locks can take a while. */
    private boolean warnOnce(LockInfo lock) {
        Instant now = steps.now();
        if (!store.markExpiryWarned(lock.resource(), lock.token(), lock.expiresAt(), now)) {
            return false;
        }
        steps.publish(new LockEvent.Expiring(lock.resource(), lock.holder(), lock.token(), lock.expiresAt(), now));
        return true;
    }

    private boolean expireOnce(LockInfo lock) {
        Turn turn = turns.lock(lock.resource());
        Instant now = steps.now();
        if (!store.deleteIfExpired(lock.resource(), lock.token(), now)) {
            return false;
        }
        steps.recordExpiry(lock, null, now);
        turns.handOn(turn, now);
        return true;
    }

    /** Ends the reservation if it is still there and lapsed; the next in line gets one. */
    private boolean lapseOnce(Reservation lapsed) {
        Turn turn = turns.lock(lapsed.resource());
        Reservation current = turn.reservation();
        Instant now = steps.now();
        if (current == null || current.id() != lapsed.id() || current.isLive(now)) {
            return false;
        }
        // A reservation exists only while nobody holds the lock: the order is free to hand on.
        turns.handOn(turn, now);
        return true;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (settings.sweeperEnabled()) {
            registrar.addFixedDelayTask(this::sweepAndLog, settings.sweepInterval());
        }
    }

    private void sweepAndLog() {
        try {
            Sweep sweep = sweep();
            if (sweep.warned() > 0 || sweep.expired() > 0 || sweep.lapsed() > 0 || sweep.reminded() > 0) {
                log.debug(
                        "Lock sweep: {} expiry warnings, {} expired, {} reservations lapsed, {} release reminders",
                        sweep.warned(),
                        sweep.expired(),
                        sweep.lapsed(),
                        sweep.reminded());
            }
        } catch (RuntimeException e) {
            log.warn("Lock sweep failed; the next one will retry", e);
        }
    }
}
