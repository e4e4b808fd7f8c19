package org.orderdesk.bench.locks;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.orderdesk.Application;
import org.orderdesk.TestPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole application on one database, as the lock benchmarks need it: no demo data, no sweeper
 * (a benchmark sweeps when it measures a sweep), quiet logs. H2 runs in memory with the
 * application's own settings otherwise; PostgreSQL is a new database on the embedded test server
 * ({@link TestPostgres}) with the cluster relay on, as a cluster node runs it, so every lock event
 * is also a {@code pg_notify} in the step's transaction.
 */
public final class LockBenchApp implements AutoCloseable {

    /** Which database a run is on. */
    public enum Kind {
        H2,
        POSTGRESQL
    }

    private final Kind kind;
    private final ConfigurableApplicationContext context;

    private LockBenchApp(Kind kind, ConfigurableApplicationContext context) {
        this.kind = kind;
        this.context = context;
    }

    public static LockBenchApp start(Kind kind) {
        // On a random port: Vaadin and the security configuration need the web application context.
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--orderdesk.demo.enabled=false",
                "--orderdesk.lock.sweeper-enabled=false",
                "--logging.level.root=warn",
                "--spring.main.banner-mode=off"));
        if (kind == Kind.H2) {
            arguments.add("--spring.datasource.url=jdbc:h2:mem:lock-bench-" + System.nanoTime()
                    + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64");
        } else {
            TestPostgres.Database database = TestPostgres.newDatabase();
            arguments.addAll(List.of(
                    "--spring.datasource.url=" + database.url(),
                    "--spring.datasource.username=" + database.username(),
                    "--spring.datasource.password=" + database.password(),
                    "--orderdesk.cluster.enabled=true"));
        }
        ConfigurableApplicationContext context =
                new SpringApplicationBuilder(Application.class).run(arguments.toArray(String[]::new));
        return new LockBenchApp(kind, context);
    }

    public Kind kind() {
        return kind;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** The application's own pool. */
    public DataSource dataSource() {
        return bean(DataSource.class);
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource());
    }

    /** The database as the tables' headers name it, with its version and the pool size. */
    public String setting() {
        String pool =
                "pool of " + bean(com.zaxxer.hikari.HikariDataSource.class).getMaximumPoolSize();
        if (kind == Kind.H2) {
            return "H2 " + org.h2.engine.Constants.VERSION + " in memory, " + pool;
        }
        String version = jdbc().sql("show server_version").query(String.class).single();
        return "PostgreSQL " + version + " embedded (same machine), cluster relay on, " + pool;
    }

    @Override
    public void close() {
        context.close();
    }
}
