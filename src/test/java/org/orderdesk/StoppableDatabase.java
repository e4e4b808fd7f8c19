package org.orderdesk;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A database server a test stops and starts again, as a database goes away under the application
 * and comes back: {@link StoppableH2} (H2 in server mode) and {@code StoppablePostgres}.
 */
public interface StoppableDatabase {

    /** Points the application at this database, with a pool that gives up waiting within seconds. */
    void register(DynamicPropertyRegistry properties);

    /** Closes the server and every connection to it. */
    void stop();

    /** Starts the server again with the same data, on the same address. */
    void start();
}
