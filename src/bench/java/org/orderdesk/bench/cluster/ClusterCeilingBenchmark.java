package org.orderdesk.bench.cluster;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.orderdesk.bench.Benchmark;
import org.orderdesk.bench.BenchmarkRun;
import org.springframework.util.FileSystemUtils;

/**
 * P8: how many lock events per second the PostgreSQL relay carries across 2 and 4 application
 * nodes, each a JVM of its own on this machine, before the cross-node latency doubles. This JVM
 * runs the embedded PostgreSQL and drives the nodes ({@link CeilingNode}); node 1 publishes, the
 * others receive. The 2-node climb runs first; then nodes 3 and 4 join for the 4-node climb.
 */
public final class ClusterCeilingBenchmark implements Benchmark {

    static final double GOAL = 2_000;

    private static final Duration NODE_START = Duration.ofMinutes(Long.getLong("bench.ceiling.start-minutes", 4));
    private static final List<Double> RATES =
            rates(System.getProperty("bench.ceiling.rates", "100,250,500,1000,1500,2000,3000,4000,6000,8000,12000"));
    private static final long STEP_MILLIS = Long.getLong("bench.ceiling.step-ms", 3_000);
    private static final double WARM_UP_RATE = 1_000;
    private static final long WARM_UP_MILLIS = Long.getLong("bench.ceiling.warm-up-ms", 5_000);
    private static final int PUBLISH_THREADS = Integer.getInteger("bench.ceiling.threads", 8);
    private static final List<String> NODE_JVM = nodeJvmOptions();

    @Override
    public String id() {
        return "cluster-ceiling";
    }

    @Override
    public String title() {
        return "Cluster event ceiling";
    }

    @Override
    public String run(BenchmarkRun run) throws Exception {
        Path work = Files.createTempDirectory("cluster-ceiling");
        List<NodeProcess> nodes = new ArrayList<>();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setOverrideWorkingDirectory(Files.createDirectories(work.resolve("postgres-work"))
                                .toFile())
                        .setDataDirectory(work.resolve("postgres-data"))
                        .setCleanDataDirectory(true)
                        .start();
                NotifyQueueWatch queue =
                        new NotifyQueueWatch(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres")) {
            long postgresPid = Long.parseLong(Files.readAllLines(work.resolve("postgres-data/postmaster.pid"))
                    .getFirst()
                    .trim());
            String version = serverVersion(postgres);
            List<String> properties = List.of(
                    "spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                    "spring.datasource.username=postgres",
                    "spring.datasource.password=postgres",
                    "orderdesk.cluster.enabled=true",
                    "orderdesk.demo.enabled=false",
                    "server.port=0",
                    // Vaadin's development mode scans only these for routes and components: a faster start.
                    "vaadin.allowed-packages=com.vaadin,org.orderdesk");
            StringBuilder markdown = new StringBuilder(description());
            List<Integer> ceilings = new ArrayList<>();
            for (int size : new int[] {2, 4}) {
                run.progress("starting nodes %d to %d", nodes.size() + 1, size);
                run.progress("nodes up after %.0f s", startNodes(nodes, size, work, properties));
                CeilingClimb climb =
                        new CeilingClimb(List.copyOf(nodes), postgresPid, queue, work, STEP_MILLIS, PUBLISH_THREADS);
                CeilingClimb warmUp =
                        new CeilingClimb(List.copyOf(nodes), postgresPid, queue, work, WARM_UP_MILLIS, PUBLISH_THREADS);
                run.progress("%d nodes: warming up at %.0f events/s", size, WARM_UP_RATE);
                warmUp.step(WARM_UP_RATE);
                List<CeilingStep> steps = climb.climb(
                        RATES,
                        step -> run.progress(
                                "%d nodes: %.0f/s asked, %.0f/s reached, latency p50 %.2f p95 %.2f max %.1f ms",
                                size,
                                step.targetRate(),
                                step.achievedRate(),
                                step.latency().p50(),
                                step.latency().p95(),
                                step.latency().max()));
                CeilingReport report = new CeilingReport(size, steps);
                markdown.append(run.table(
                                "PostgreSQL " + version + " embedded, " + size + " nodes (JVMs), 1 publishing",
                                report.table()))
                        .append(report.verdict())
                        .append("\n\n");
                ceilings.add((int) report.ceiling());
            }
            for (int i = 0; i < ceilings.size(); i++) {
                int size = i == 0 ? 2 : 4;
                markdown.append(run.goal(
                        String.format(Locale.ROOT, "≥ %,.0f events/s across %d nodes", GOAL, size),
                        ceilings.get(i) >= GOAL,
                        String.format(Locale.ROOT, "%,d events/s before the latency doubled", ceilings.get(i))));
            }
            return markdown.toString();
        } finally {
            for (NodeProcess node : nodes.reversed()) {
                node.close();
            }
            if (!Boolean.getBoolean("bench.ceiling.keep")) {
                FileSystemUtils.deleteRecursively(work);
            }
        }
    }

    private static String description() {
        return String.format(
                Locale.ROOT,
                """
                Lock events relayed by PostgreSQL `LISTEN/NOTIFY` between application nodes, each a \
                JVM of its own (the whole application, test profile, no demo data, %s) on this \
                machine, on one embedded PostgreSQL that the benchmark's JVM runs. Node 1 publishes: \
                %d threads acquire and release orders through `LockService` at a paced rate, so each \
                event is a lock step's transaction with its audit row and its `NOTIFY`; the other \
                nodes only receive. Latency is from the event's commit (its delivery to node 1's own \
                `EventBroadcaster`, right after commit) to its delivery to each other node's \
                `EventBroadcaster`, by the machine's clock in µs, for every event and receiver. \
                After a %.0f s warm-up at %,.0f events/s, each step publishes for %.0f s; the first \
                (%,.0f/s) is the baseline, and the climb stops once the median latency has doubled \
                against it or the publisher no longer reaches the rate asked. The 2-node climb runs \
                first, then nodes 3 and 4 join.

                """,
                String.join(" ", NODE_JVM),
                PUBLISH_THREADS,
                WARM_UP_MILLIS / 1000.0,
                WARM_UP_RATE,
                STEP_MILLIS / 1000.0,
                RATES.getFirst());
    }

    private static double startNodes(List<NodeProcess> nodes, int size, Path work, List<String> properties)
            throws Exception {
        List<NodeProcess> starting = new ArrayList<>();
        for (int number = nodes.size() + 1; number <= size; number++) {
            NodeProcess node = NodeProcess.start("node-" + number, work, NODE_JVM, properties);
            nodes.add(node);
            starting.add(node);
        }
        long began = System.nanoTime();
        for (NodeProcess node : starting) {
            node.awaitReady(NODE_START);
        }
        return (System.nanoTime() - began) / 1e9;
    }

    private static String serverVersion(EmbeddedPostgres postgres) throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("show server_version")) {
            result.next();
            return result.getString(1).split(" ")[0];
        }
    }

    private static List<Double> rates(String list) {
        return Arrays.stream(list.split(","))
                .map(String::trim)
                .map(Double::valueOf)
                .toList();
    }

    private static List<String> nodeJvmOptions() {
        List<String> options = new ArrayList<>(List.of("-Xmx512m"));
        String extra = System.getProperty("bench.ceiling.node-jvm", "").trim();
        if (!extra.isEmpty()) {
            options.addAll(Arrays.asList(extra.split("\\s+")));
        }
        return List.copyOf(options);
    }
}
