package org.orderdesk.bench.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Samples how full PostgreSQL's notification queue is ({@code pg_notification_queue_usage()}, 0
 * to 1 of its 8 GB) every 50 ms on a connection of its own, and keeps the highest value since the
 * last {@link #takeMax()}. Notifications stay in the queue until the slowest listener has read
 * them, so a listener that falls behind shows here.
 */
final class NotifyQueueWatch implements AutoCloseable {

    private final Connection connection;
    private final Thread sampler;
    private volatile double max;
    private volatile boolean running = true;

    NotifyQueueWatch(String url, String user, String password) throws SQLException {
        connection = DriverManager.getConnection(url, user, password);
        sampler = Thread.ofPlatform().daemon().name("notify-queue-watch").start(this::sample);
    }

    private void sample() {
        try (Statement statement = connection.createStatement()) {
            while (running) {
                try (ResultSet result = statement.executeQuery("select pg_notification_queue_usage()")) {
                    result.next();
                    max = Math.max(max, result.getDouble(1));
                }
                Thread.sleep(50);
            }
        } catch (SQLException | InterruptedException stopped) {
            // Closed.
        }
    }

    /** The highest usage seen since the last call, as a fraction. */
    double takeMax() {
        double seen = max;
        max = 0;
        return seen;
    }

    @Override
    public void close() throws SQLException {
        running = false;
        sampler.interrupt();
        connection.close();
    }
}
