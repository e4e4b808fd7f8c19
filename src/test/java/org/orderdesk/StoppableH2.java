package org.orderdesk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.h2.tools.Server;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * An H2 database behind its own TCP server, which a test stops and starts again as a database
 * server goes away and comes back: the clients' connections break, while the database itself stays
 * open in this JVM (a database closing as its last session ends could not be opened again at once).
 */
public final class StoppableH2 implements StoppableDatabase {

    private final int port;
    private final Path folder;
    private Server server;

    public StoppableH2() {
        this.port = freePort();
        try {
            this.folder = Files.createTempDirectory("orderdesk-outage");
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        start();
    }

    /** The pool gives up after a second, not thirty. */
    @Override
    public void register(DynamicPropertyRegistry properties) {
        properties.add(
                "spring.datasource.url", () -> "jdbc:h2:tcp://localhost:" + port + "/./orderdesk;DB_CLOSE_DELAY=-1");
        properties.add("spring.datasource.hikari.connection-timeout", () -> "1000");
    }

    @Override
    public void start() {
        try {
            server = Server.createTcpServer(
                            "-tcpPort",
                            Integer.toString(port),
                            "-baseDir",
                            folder.toString(),
                            "-ifNotExists",
                            "-tcpDaemon")
                    .start();
        } catch (SQLException failed) {
            throw new IllegalStateException("Could not start the database on port " + port, failed);
        }
    }

    @Override
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
