package org.orderdesk.cluster;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.orderdesk.Application;
import org.orderdesk.TestClockConfig;
import org.orderdesk.TestPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Application nodes of one cluster in this JVM: each a whole application on a random port with
 * the cluster relay on, all on one new PostgreSQL database, each on a {@code TestClock} of its
 * own (or all on the system clock). The first node migrates the database and fills it with the demo data; the others find it
 * ready, as in the cluster script.
 */
public final class ClusterNodes implements AutoCloseable {

    private final TestPostgres.Database database = TestPostgres.newDatabase();
    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
    private final boolean onTestClock;

    public ClusterNodes() {
        this(true);
    }

    private ClusterNodes(boolean onTestClock) {
        this.onTestClock = onTestClock;
    }

    /** Nodes on the system clock, for runs in which real time passes: leases lapse and the sweeper runs. */
    public static ClusterNodes onSystemClock() {
        return new ClusterNodes(false);
    }

    /** Starts one more node, with {@code properties} ({@code key=value}) on top of the test profile. */
    public ConfigurableApplicationContext start(String... properties) {
        Class<?>[] sources = onTestClock
                ? new Class<?>[] {Application.class, TestClockConfig.class}
                : new Class<?>[] {Application.class};
        ConfigurableApplicationContext node = new SpringApplicationBuilder(sources)
                .profiles("test")
                // As command-line arguments, these win over the application's own properties.
                .run(Stream.concat(
                                Stream.of(
                                        "spring.datasource.url=" + database.url(),
                                        "spring.datasource.username=" + database.username(),
                                        "spring.datasource.password=" + database.password(),
                                        "orderdesk.cluster.enabled=true",
                                        "orderdesk.demo.orders=200",
                                        "server.port=0"),
                                Stream.of(properties))
                        .map(property -> "--" + property)
                        .toArray(String[]::new));
        nodes.add(node);
        return node;
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
    }
}
