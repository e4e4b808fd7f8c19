package org.orderdesk;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Health while H2, in server mode, goes away and comes back. */
class H2DatabaseHealthTest extends DatabaseHealthTest {

    static final StoppableH2 database = new StoppableH2();

    @DynamicPropertySource
    static void useTheStoppableDatabase(DynamicPropertyRegistry properties) {
        database.register(properties);
    }

    @Override
    StoppableDatabase database() {
        return database;
    }
}
