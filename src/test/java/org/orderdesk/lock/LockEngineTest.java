package org.orderdesk.lock;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.orderdesk.TestClock;
import org.orderdesk.event.EventBroadcaster;
import org.orderdesk.lock.AcquireOutcome.Acquired;
import org.orderdesk.lock.LockTestData.RecordedEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The lock engine of the running application on its test database: every test starts without
 * locks or audit rows and records the lock events it causes. Each concrete test says which
 * application context (which database) it runs on, so that one contract can run on several.
 */
abstract class LockEngineTest {

    /** No fencing token is ever negative: the token of a hold that does not exist. */
    private static final long NO_HOLD = -1;

    @Autowired
    LockService locks;

    @Autowired
    LockTakeOvers takeOvers;

    @Autowired
    LockBreaks breaks;

    @Autowired
    ReleaseRequests releaseRequests;

    @Autowired
    LockLosses losses;

    @Autowired
    LockAuditTrail auditTrail;

    @Autowired
    LockSweeper sweeper;

    @Autowired
    WaitingLines lines;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventBroadcaster broadcaster;

    @Autowired
    ApplicationContext context;

    RecordedEvents events;

    @BeforeEach
    void startWithoutLocksAndRecordEvents() {
        jdbc.sql("delete from edit_locks").update();
        jdbc.sql("delete from lock_audit").update();
        jdbc.sql("delete from lock_waiters").update();
        jdbc.sql("delete from lock_turns").update();
        events = new RecordedEvents(broadcaster);
    }

    @AfterEach
    void stopRecordingEvents() {
        events.close();
    }

    /**
     * Takes over the hold there is now, by the token a supervisor's editor would have seen; when
     * the resource is free, simply takes it.
     */
    Acquired takeOver(ResourceId resource, LockHolder newHolder, @Nullable String reason) {
        long seen = locks.find(resource).map(LockInfo::token).orElse(NO_HOLD);
        return (Acquired) takeOvers.takeOver(resource, seen, newHolder, reason);
    }

    /** Breaks the live hold there is now, by its token, as the Locks view does; false when there is none. */
    boolean breakLock(ResourceId resource, LockUser supervisor, String reason) {
        long seen = locks.find(resource).map(LockInfo::token).orElse(NO_HOLD);
        return breaks.breakLock(resource, seen, supervisor, reason);
    }

    /** A page of the audit trail with its total, read the way the Locks view reads it. */
    Page<LockAuditEntry> auditPage(AuditFilter filter, Pageable page) {
        return new PageImpl<>(auditTrail.entries(filter, page), page, auditTrail.count(filter));
    }
}
