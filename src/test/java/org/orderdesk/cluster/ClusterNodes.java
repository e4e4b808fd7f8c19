package org.orderdesk.cluster;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.orderdesk.Application;
import org.orderdesk.StoppablePostgres;
import org.orderdesk.TestClockConfig;
import org.orderdesk.TestPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Application nodes of one cluster in this JVM: each a whole application on a random port with
 * the cluster relay on, all on one PostgreSQL database (a new one on the shared test server, or
 * one on a {@link StoppablePostgres} the test stops and starts), each on a {@code TestClock} of its
 * own (or all on the system clock). The first node migrates the database and fills it with the
 * demo data; the others find it ready, as in the cluster script. A node can be stopped gracefully
 * or crashed, and started again on the port it had, as an operator restarts a node behind a load
 * balancer.
 */
public final class ClusterNodes implements AutoCloseable {

    private final TestPostgres.Database database;
    private final List<String> databaseProperties;
    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
    private final Map<ConfigurableApplicationContext, List<String>> startedWith = new HashMap<>();
    private final boolean onTestClock;

    /** A cluster on a new database of the shared {@link TestPostgres} server. */
    public ClusterNodes() {
        this(TestPostgres.newDatabase(), true);
    }

    /** A cluster on {@code server}, which the test stops and starts under the nodes. */
    public ClusterNodes(StoppablePostgres server) {
        this.database = server.database();
        this.databaseProperties = server.properties();
        this.onTestClock = true;
    }

    private ClusterNodes(TestPostgres.Database database, boolean onTestClock) {
        this.database = database;
        this.databaseProperties = List.of(
                "spring.datasource.url=" + database.url(),
                "spring.datasource.username=" + database.username(),
                "spring.datasource.password=" + database.password());
        this.onTestClock = onTestClock;
    }

    /** Nodes on the system clock, for runs in which real time passes: leases lapse and the sweeper runs. */
    public static ClusterNodes onSystemClock() {
        return new ClusterNodes(TestPostgres.newDatabase(), false);
    }

    /**
     * Starts one more node, with {@code properties} ({@code key=value}) on top of the test profile;
     * on a random port unless they name {@code server.port}.
     */
    public ConfigurableApplicationContext start(String... properties) {
        String port =
                Stream.of(properties).anyMatch(property -> property.startsWith("server.port=")) ? "" : "server.port=0";
        Class<?>[] sources = onTestClock
                ? new Class<?>[] {Application.class, TestClockConfig.class}
                : new Class<?>[] {Application.class};
        ConfigurableApplicationContext node = new SpringApplicationBuilder(sources)
                .profiles("test")
                // As command-line arguments, these win over the application's own properties.
                .run(Stream.of(
                                databaseProperties.stream(),
                                Stream.of("orderdesk.cluster.enabled=true", "orderdesk.demo.orders=200", port),
                                Stream.of(properties))
                        .flatMap(stream -> stream)
                        .filter(property -> !property.isEmpty())
                        .map(property -> "--" + property)
                        .toArray(String[]::new));
        nodes.add(node);
        startedWith.put(node, List.of(properties));
        return node;
    }

    /**
     * Stops {@code node} as SIGTERM would: its context closes, so the web server stops taking
     * requests and the application shuts down gracefully, its connection pool last.
     */
    public void stop(ConfigurableApplicationContext node) {
        node.close();
        nodes.remove(node);
    }

    /**
     * Starts a new node in place of {@code stopped} (stopped or crashed before): on the same port,
     * with the same properties, with an empty memory, as a restarted process would be.
     */
    public ConfigurableApplicationContext restart(ConfigurableApplicationContext stopped) {
        if (stopped.isActive()) {
            throw new IllegalStateException("stop or crash the node before starting it again");
        }
        List<String> properties = new ArrayList<>(startedWith.remove(stopped));
        properties.removeIf(property -> property.startsWith("server.port="));
        properties.add("server.port=" + port(stopped));
        return start(properties.toArray(String[]::new));
    }

    /** The port {@code node} listens (or listened) on. */
    public static int port(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getRequiredProperty("local.server.port"));
    }

    /**
     * Kills {@code node}'s listening connection on the server, as a network failure or a restarted
     * PostgreSQL would: the node stops hearing the others until it reconnects.
     */
    public void cutListener(ConfigurableApplicationContext node) {
        JdbcClient.create(node.getBean(DataSource.class))
                .sql("select pg_terminate_backend(pid) from pg_stat_activity where application_name = :name")
                .param("name", node.getBean(NotificationListener.class).connectionName())
                .query()
                .listOfRows();
    }

    /**
     * Stops {@code node} as a crash would leave it for the others: its connection pool closes
     * first, so that nothing it does on its way down (an editor releasing its lock, a session
     * ending, an announcement) reaches the database or the other nodes; then its context closes,
     * which ends its listening connection (a crash would drop it) and its heartbeats.
     */
    public void crash(ConfigurableApplicationContext node) {
        node.getBean(HikariDataSource.class).close();
        node.close();
        nodes.remove(node);
    }

    public TestPostgres.Database database() {
        return database;
    }

    @Override
    public void close() {
        nodes.reversed().forEach(ConfigurableApplicationContext::close);
        nodes.clear();
        startedWith.clear();
    }
}
