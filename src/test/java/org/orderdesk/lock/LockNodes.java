package org.orderdesk.lock;

import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * Starts extra lock engines on a test context's database, each with its own store, transaction
 * manager and clock, as separate application nodes would have. Their events still reach the
 * context's subscribers.
 */
final class LockNodes {

    /** One node's engine. */
    record Node(LockService locks, LockSweeper sweeper, WaitingLines lines) {}

    private final ApplicationContext context;

    LockNodes(ApplicationContext context) {
        this.context = context;
    }

    Node start(Clock clock) {
        return start(clock, context.getBean(LockProperties.class));
    }

    /** A node with settings of its own, such as a lease that never runs out during a test. */
    Node start(Clock clock, LockProperties settings) {
        DataSource dataSource = context.getBean(DataSource.class);
        LockStore store = new JdbcLockStore(JdbcClient.create(dataSource));
        LockTransactions steps = new LockTransactions(store, new JdbcTransactionManager(dataSource), clock, context);
        LockTurns turns = new LockTurns(store, steps, settings);
        LockGrants grants = new LockGrants(store, steps, settings, context.getBean(LockMetrics.class), turns);
        LockService locks = new LockService(store, steps, grants, new LockLosses(store, steps), turns);
        return new Node(
                locks,
                new LockSweeper(store, steps, settings, turns, new ReleaseReminders(store, steps)),
                new WaitingLines(store, steps, turns));
    }
}
