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
    record Node(LockService locks, LockSweeper sweeper) {}

    private final ApplicationContext context;

    LockNodes(ApplicationContext context) {
        this.context = context;
    }

    Node start(Clock clock) {
        DataSource dataSource = context.getBean(DataSource.class);
        LockProperties settings = context.getBean(LockProperties.class);
        LockStore store = new JdbcLockStore(JdbcClient.create(dataSource));
        LockTransactions steps = new LockTransactions(store, new JdbcTransactionManager(dataSource), clock, context);
        LockGrants grants = new LockGrants(store, steps, settings, context.getBean(LockMetrics.class));
        LockService locks = new LockService(store, steps, grants, new LockLosses(store, steps));
        return new Node(locks, new LockSweeper(store, steps, settings, new ReleaseReminders(store, steps)));
    }
}
