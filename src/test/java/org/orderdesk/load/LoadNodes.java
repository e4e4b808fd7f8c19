package org.orderdesk.load;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.orderdesk.Application;
import org.orderdesk.cluster.ClusterNodes;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application nodes a run works: one on its own in-memory H2, or several of one cluster on one
 * PostgreSQL ({@link ClusterNodes}). All on the system clock with the lock sweeper on, as in
 * production, and with {@link #SHORT_LEASE} so that leases lapse and turns pass within a run.
 */
public final class LoadNodes implements AutoCloseable {

    /**
     * Lock timing short enough for a run of a minute to see leases lapse, expiry warnings and
     * reservations pass on; every value passes the start-up checks of {@code LockProperties} and {@code ExpiryWarningTiming} (the
     * warning still leaves 20 s, the renewals a third of the lease).
     */
    public static final List<String> SHORT_LEASE = List.of(
            "orderdesk.lock.sweeper-enabled=true",
            "orderdesk.lock.lease=30s",
            "orderdesk.lock.renew-interval=10s",
            "orderdesk.lock.warn-before=23s",
            "orderdesk.lock.sweep-interval=2s",
            "orderdesk.lock.reservation=10s",
            "orderdesk.lock.idle-timeout=1m",
            "orderdesk.lock.release-more-time=1m",
            "orderdesk.lock.release-request-interval=20s");

    private final String name;
    private final List<ConfigurableApplicationContext> nodes;
    private final AutoCloseable closer;

    private LoadNodes(String name, List<ConfigurableApplicationContext> nodes, AutoCloseable closer) {
        this.name = name;
        this.nodes = nodes;
        this.closer = closer;
    }

    /** One node on a new in-memory H2 (the test profile's) with 200 demo orders, with {@code properties} on top. */
    public static LoadNodes h2(List<String> properties) {
        ConfigurableApplicationContext node = new SpringApplicationBuilder(Application.class)
                .profiles("test")
                .run(arguments(
                        Stream.concat(Stream.of("server.port=0", "orderdesk.demo.orders=200"), properties.stream())));
        return new LoadNodes("H2, 1 node", List.of(node), node::close);
    }

    /** {@code count} nodes of one cluster on a new PostgreSQL database, with {@code properties} on top. */
    public static LoadNodes postgres(int count, List<String> properties) {
        ClusterNodes cluster = ClusterNodes.onSystemClock();
        try {
            List<ConfigurableApplicationContext> started = IntStream.range(0, count)
                    .mapToObj(i -> cluster.start(properties.toArray(String[]::new)))
                    .toList();
            return new LoadNodes("PostgreSQL, " + count + " node" + (count == 1 ? "" : "s"), started, cluster);
        } catch (RuntimeException failed) {
            cluster.close();
            throw failed;
        }
    }

    private static String[] arguments(Stream<String> properties) {
        return properties.map(property -> "--" + property).toArray(String[]::new);
    }

    public String name() {
        return name;
    }

    public List<ConfigurableApplicationContext> all() {
        return nodes;
    }

    /** The node the {@code index}th clerk or page works on: clerks are dealt to the nodes in turn. */
    public ConfigurableApplicationContext node(int index) {
        return nodes.get(index % nodes.size());
    }

    public ConfigurableApplicationContext first() {
        return nodes.getFirst();
    }

    public static String baseUrl(ConfigurableApplicationContext node) {
        return "http://localhost:" + node.getEnvironment().getProperty("local.server.port");
    }

    @Override
    public void close() throws Exception {
        closer.close();
    }
}
