package org.orderdesk.order.ui;

import org.junit.jupiter.api.AfterAll;
import org.orderdesk.StoppableDatabase;
import org.orderdesk.StoppablePostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The outage on PostgreSQL, as the cluster runs on it: a server of its own, which the test shuts
 * down (ending every connection) and starts again on the same data and port.
 */
class PostgresDatabaseOutageTest extends DatabaseOutageTest {

    static final StoppableDatabase database = new StoppablePostgres();

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
