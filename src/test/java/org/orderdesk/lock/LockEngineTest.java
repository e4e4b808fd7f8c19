package org.orderdesk.lock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.orderdesk.IntegrationTest;
import org.orderdesk.TestClock;
import org.orderdesk.event.EventBroadcaster;
import org.orderdesk.lock.LockTestData.RecordedEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The lock engine of the running application on its test database: every test starts without
 * locks or audit rows and records the lock events it causes.
 */
@IntegrationTest
abstract class LockEngineTest {

    @Autowired
    LockService locks;

    @Autowired
    LockSweeper sweeper;

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
        events = new RecordedEvents(broadcaster);
    }

    @AfterEach
    void stopRecordingEvents() {
        events.close();
    }
}
