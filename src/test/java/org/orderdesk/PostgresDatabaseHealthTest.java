package org.orderdesk;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Health while a PostgreSQL server goes away and comes back. */
class PostgresDatabaseHealthTest extends DatabaseHealthTest {

    static final StoppablePostgres database = new StoppablePostgres();

    @DynamicPropertySource
    static void useTheStoppableDatabase(DynamicPropertyRegistry properties) {
        database.register(properties);
    }

    @Override
    StoppableDatabase database() {
        return database;
    }
}
