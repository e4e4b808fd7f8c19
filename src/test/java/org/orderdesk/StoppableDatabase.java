package org.orderdesk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.SQLException;
import java.util.UUID;
import org.h2.tools.Server;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * An H2 database behind its own TCP server, which a test stops and starts again as a database
 * server goes away and comes back. The data stays in this JVM meanwhile; only the connections break.
 */
public final class StoppableDatabase {

    private final int port;
    private final String name = "outage-" + UUID.randomUUID();
    private Server server;

    public StoppableDatabase() {
        this.port = freePort();
        start();
    }

    /** Points the application at this database, and makes the pool give up after a second, not thirty. */
    public void register(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", () -> "jdbc:h2:tcp://localhost:" + port + "/mem:" + name);
        properties.add("spring.datasource.hikari.connection-timeout", () -> "1000");
    }

    public void start() {
        try {
            server = Server.createTcpServer("-tcpPort", Integer.toString(port), "-ifNotExists", "-tcpDaemon")
                    .start();
            // An in-memory database dies with its last connection unless told to stay.
            try (var keepAlive = java.sql.DriverManager.getConnection(
                    "jdbc:h2:tcp://localhost:" + port + "/mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "")) {
                keepAlive.isValid(1);
            }
        } catch (SQLException failed) {
            throw new IllegalStateException("Could not start the database on port " + port, failed);
        }
    }

    /** Closes the server and every connection to it, as a database that went away. */
    public void stop() {
        server.stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
