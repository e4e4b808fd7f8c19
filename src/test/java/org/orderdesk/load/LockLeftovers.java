package org.orderdesk.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the lock tables still hold once every clerk and page has stopped: nobody edits or waits any
 * more, so every lock, place in line and reservation left is held by nobody.
 */
final class LockLeftovers {

    private final JdbcClient database;

    LockLeftovers(JdbcClient database) {
        this.database = database;
    }

    /**
     * The rows left once the last releases, session ends and sweeps have settled: a closing tab's
     * release comes a moment after the tab, so this waits up to {@code settle} for none.
     */
    List<String> awaitNone(Duration settle) {
        try {
            Awaitility.await()
                    .atMost(settle)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> now().isEmpty());
        } catch (ConditionTimeoutException stillThere) {
            // Reported by the caller, row by row.
        }
        return now();
    }

    /** Lock rows, places in line and reservations now. */
    List<String> now() {
        List<String> rows = new ArrayList<>();
        rows.addAll(database.sql("select resource_id, holder_username from edit_locks")
                .query((row, n) -> "lock on order " + row.getLong(1) + " held by " + row.getString(2))
                .list());
        rows.addAll(database.sql("select resource_id, username from lock_waiters")
                .query((row, n) -> "order " + row.getLong(1) + ": " + row.getString(2) + " in line")
                .list());
        rows.addAll(database.sql("select resource_id, reserved_username from lock_turns where reservation is not null")
                .query((row, n) -> "order " + row.getLong(1) + " reserved for " + row.getString(2))
                .list());
        return rows;
    }

    long lockRows() {
        return database.sql("select count(*) from edit_locks").query(Long.class).single();
    }
}
