package org.orderdesk.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.orderdesk.event.EventBroadcaster;
import org.orderdesk.event.NodeName;
import org.orderdesk.event.Resynchronised;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Hears the other nodes: one connection of its own (not from the pool, which may retire or lend
 * it) listens on the cluster's channel, and every event another node committed is handed to this
 * node's subscribers. Its own events this node has already delivered after commit, so it skips
 * them. When the connection drops, the listener says so in the health check, reconnects with a
 * pause that doubles up to {@code reconnect-max}, and then tells every subscriber to
 * resynchronise, as events may have been missed meanwhile. Lock operations do not depend on it.
 */
@Component
@ConditionalOnBooleanProperty("orderdesk.cluster.enabled")
class NotificationListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NotificationListener.class);
    private static final Duration CONNECTION_CHECK_INTERVAL = Duration.ofSeconds(10);

    private final DataSourceProperties database;
    private final ClusterProperties settings;
    private final EventCodec codec;
    private final EventBroadcaster broadcaster;
    private final NodeName node;
    private final Clock clock;
    private final AtomicReference<ListenerState> state;

    private volatile boolean running;
    private volatile Thread thread = Thread.currentThread();

    NotificationListener(
            DataSourceProperties database,
            ClusterProperties settings,
            EventCodec codec,
            EventBroadcaster broadcaster,
            NodeName node,
            Clock clock) {
        this.database = database;
        this.settings = settings;
        this.codec = codec;
        this.broadcaster = broadcaster;
        this.node = node;
        this.clock = clock;
        this.state = new AtomicReference<>(ListenerState.notListening(clock.instant(), "not started yet"));
    }

    ListenerState state() {
        return state.get();
    }

    /** The name the listening connection shows in {@code pg_stat_activity}. */
    String connectionName() {
        return "orderdesk-listener-" + node;
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("cluster-listener").start(this::listenUntilStopped);
    }

    @Override
    public void stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listenUntilStopped() {
        Duration pause = settings.reconnectMin();
        boolean everListened = false;
        while (running) {
            try (Connection connection = connect()) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("listen " + settings.channel());
                }
                state.set(ListenerState.listening(clock.instant()));
                pause = settings.reconnectMin();
                if (everListened) {
                    log.info("Hearing the other nodes again; every live view reloads what it shows");
                    broadcaster.deliver(new Resynchronised());
                }
                everListened = true;
                relayUntilBroken(connection);
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                String problem = "the listening connection failed: " + e.getMessage();
                if (state.get().listening()) {
                    log.warn("Not hearing the other nodes: {}; reconnecting", problem);
                }
                state.set(ListenerState.notListening(clock.instant(), problem));
                if (!pause(pause)) {
                    return;
                }
                pause = min(pause.multipliedBy(2), settings.reconnectMax());
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", database.determineUsername());
        String password = database.determinePassword();
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", connectionName());
        // A dead server is noticed within seconds, not after the operating system's TCP timeout.
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("socketTimeout", "30");
        properties.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(database.determineUrl(), properties);
    }

    private void relayUntilBroken(Connection connection) throws SQLException {
        PGConnection listening = connection.unwrap(PGConnection.class);
        int timeoutMillis = (int) settings.pollInterval().toMillis();
        long lastCheck = System.nanoTime();
        while (running) {
            if (System.nanoTime() - lastCheck > CONNECTION_CHECK_INTERVAL.toNanos()) {
                // Waiting for notifications sends nothing: a server or network that went away
                // silently is only noticed by a statement, which fails within the socket timeout.
                try (Statement check = connection.createStatement()) {
                    check.execute("select 1");
                }
                lastCheck = System.nanoTime();
            }
            PGNotification[] notifications = listening.getNotifications(timeoutMillis);
            if (notifications == null) {
                continue;
            }
            for (PGNotification notification : notifications) {
                codec.decode(notification.getParameter())
                        .filter(received -> !received.sender().equals(node))
                        .ifPresent(received -> broadcaster.deliver(
                                received.event() instanceof EventsMissed ? new Resynchronised() : received.event()));
            }
        }
    }

    /** @return false when stopped meanwhile */
    private boolean pause(Duration pause) {
        try {
            Thread.sleep(pause);
            return running;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
