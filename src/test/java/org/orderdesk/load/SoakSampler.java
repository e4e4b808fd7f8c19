package org.orderdesk.load;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.orderdesk.event.EventBroadcaster;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Takes a {@link SoakSample} of one node when asked, and keeps them in order. */
final class SoakSampler {

    private final ConfigurableApplicationContext node;
    private final List<SoakSample> samples = new CopyOnWriteArrayList<>();

    SoakSampler(ConfigurableApplicationContext node) {
        this.node = node;
    }

    void sample() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        double heap = memory.getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
        HikariDataSource pool = node.getBean(HikariDataSource.class);
        JdbcClient database = node.getBean(JdbcClient.class);
        samples.add(new SoakSample(
                samples.size(),
                heap,
                ManagementFactory.getThreadMXBean().getThreadCount(),
                pool.getHikariPoolMXBean().getTotalConnections(),
                pool.getHikariPoolMXBean().getActiveConnections(),
                databaseSessions(pool, database),
                node.getBean(EventBroadcaster.class).subscriberCount(),
                httpSessions(),
                new LockLeftovers(database).lockRows(),
                threadPools()));
    }

    /** The four largest groups of live platform threads, by name without its number: "http-nio-exec=12". */
    private static String threadPools() {
        Map<String, Long> byPool = Thread.getAllStackTraces().keySet().stream()
                .collect(Collectors.groupingBy(
                        thread -> thread.getName().replaceAll("[-#]?\\d+$", ""), Collectors.counting()));
        return byPool.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(4)
                .map(pool -> pool.getKey() + "=" + pool.getValue())
                .collect(Collectors.joining(", "));
    }

    List<SoakSample> samples() {
        return List.copyOf(samples);
    }

    /** The database's own count of the sessions open on it, all clients together. */
    private static long databaseSessions(HikariDataSource pool, JdbcClient database) {
        String sql = pool.getJdbcUrl().startsWith("jdbc:postgresql")
                ? "select count(*) from pg_stat_activity where datname = current_database()"
                : "select count(*) from information_schema.sessions";
        return database.sql(sql).query(Long.class).single();
    }

    /** Live HTTP sessions, as the servlet container's session manager counts them. */
    private int httpSessions() {
        TomcatWebServer server = (TomcatWebServer) ((ServletWebServerApplicationContext) node).getWebServer();
        Container[] contexts = server.getTomcat().getHost().findChildren();
        return Arrays.stream(contexts)
                .map(context -> ((Context) context).getManager().getActiveSessions())
                .mapToInt(Integer::intValue)
                .sum();
    }
}
