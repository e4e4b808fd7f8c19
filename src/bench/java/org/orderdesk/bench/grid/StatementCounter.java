package org.orderdesk.bench.grid;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Records the SQL statements one thread executes between {@link #start()} and {@link #stop()},
 * through a datasource-proxy around the application's pool. Only the recording thread is
 * counted, so the sweeper's statements on its own thread never spoil a grid request's count.
 */
final class StatementCounter implements QueryExecutionListener {

    private final ThreadLocal<@Nullable List<String>> recording = new ThreadLocal<>();

    /** Wraps every {@link DataSource} bean of the context it is added to. */
    BeanPostProcessor wrapper() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource dataSource
                        ? ProxyDataSourceBuilder.create(name, dataSource)
                                .listener(StatementCounter.this)
                                .build()
                        : bean;
            }
        };
    }

    void start() {
        recording.set(new ArrayList<>());
    }

    /** The statements since {@link #start()} on this thread, in the order they ran. */
    Statements stop() {
        List<String> sql = recording.get();
        recording.remove();
        if (sql == null) {
            throw new IllegalStateException("not recording on this thread");
        }
        return new Statements(List.copyOf(sql));
    }

    @Override
    public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {}

    @Override
    public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        List<String> sql = recording.get();
        if (sql != null) {
            queries.forEach(query -> sql.add(query.getQuery()));
        }
    }

    /** What one request executed. */
    record Statements(List<String> sql) {

        int total() {
            return sql.size();
        }

        long counts() {
            return sql.stream().filter(Statements::isCount).count();
        }

        long rowReads() {
            return sql.stream()
                    .filter(statement -> !isCount(statement)
                            && statement
                                    .strip()
                                    .toLowerCase(java.util.Locale.ROOT)
                                    .startsWith("select"))
                    .count();
        }

        private static boolean isCount(String statement) {
            return statement.strip().toLowerCase(java.util.Locale.ROOT).startsWith("select count(");
        }
    }
}
