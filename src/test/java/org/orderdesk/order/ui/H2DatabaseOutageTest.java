package org.orderdesk.order.ui;

import org.junit.jupiter.api.AfterAll;
import org.orderdesk.StoppableDatabase;
import org.orderdesk.StoppableH2;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The outage on H2 in server mode, whose TCP server the test stops and starts. */
class H2DatabaseOutageTest extends DatabaseOutageTest {

    static final StoppableDatabase database = new StoppableH2();

    @DynamicPropertySource
    static void useTheStoppableDatabase(DynamicPropertyRegistry properties) {
        database.register(properties);
    }

    @AfterAll
    static void stopTheDatabase() {
        database.stop();
    }

    @Override
    StoppableDatabase database() {
        return database;
    }
}
