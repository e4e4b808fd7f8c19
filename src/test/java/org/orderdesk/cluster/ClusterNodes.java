package org.orderdesk.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.orderdesk.Application;
import org.orderdesk.TestClockConfig;
import org.orderdesk.TestPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Application nodes of one cluster in this JVM: each a whole application on a random port with
 * the cluster relay on, all on one new PostgreSQL database, each on a {@code TestClock} of its
 * own. The first node migrates the database and fills it with the demo data; the others find it
 * ready, as in the cluster script.
 */
public final class ClusterNodes implements AutoCloseable {

    private final TestPostgres.Database database = TestPostgres.newDatabase();
    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    /** Starts one more node, with {@code properties} ({@code key=value}) on top of the test profile. */
    public ConfigurableApplicationContext start(String... properties) {
        ConfigurableApplicationContext node = new SpringApplicationBuilder(Application.class, TestClockConfig.class)
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

    public TestPostgres.Database database() {
        return database;
    }

    @Override
    public void close() {
        nodes.reversed().forEach(ConfigurableApplicationContext::close);
        nodes.clear();
    }
}
