package org.orderdesk.lock;

import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Reminds a holder who answered "Give me 5 minutes" once that time has passed and the hold goes
 * on. Part of every sweep: each reminder is taken by a conditional delete, so when several nodes
 * sweep at once exactly one of them sends it. Reminders of holds that ended go unsent.
 */
@Component
class ReleaseReminders {

    private final LockStore store;
    private final LockTransactions steps;

    ReleaseReminders(LockStore store, LockTransactions steps) {
        this.store = store;
        this.steps = steps;
    }

    /** Sends the reminders due now, at most {@code limit}; returns how many this call sent. */
    int remindDue(int limit) {
        int reminded = 0;
        for (DueReminder due : store.findDueReminders(steps.now(), limit)) {
            if (steps.atomically(() -> remindOnce(due))) {
                reminded++;
            }
        }
        steps.atomically(store::deleteRemindersOfEndedHolds);
        return reminded;
    }

    private boolean remindOnce(DueReminder due) {
        if (!store.takeReminder(due.token(), due.requester().username(), due.remindAt())) {
            return false;
        }
        Instant now = steps.now();
        steps.publish(new LockEvent.ReleaseReminder(due.resource(), due.holder(), due.token(), due.requester(), now));
        return true;
    }
}
