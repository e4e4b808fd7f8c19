package org.orderdesk.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.orderdesk.event.EventBroadcaster;
import org.orderdesk.event.LiveEvent;
import org.orderdesk.event.Resynchronised;
import org.orderdesk.event.SharedEvent;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Whether the database answers, and the events this node's subscribers get when that changes. A
 * data source that a test switches off stands for the database; probes run when a caller reports
 * that it met no answer (the scheduled ones, hourly here, never come).
 */
class DatabaseAvailabilityTest {

    private final SwitchableDataSource database = new SwitchableDataSource();
    private final EventBroadcaster broadcaster = new EventBroadcaster();
    private final List<LiveEvent> delivered = new CopyOnWriteArrayList<>();
    private final DatabaseAvailability availability = new DatabaseAvailability(
            JdbcClient.create(database), broadcaster, Clock.systemUTC(), new DatabaseProperties(Duration.ofHours(1)));

    {
        broadcaster.subscribe(LiveEvent.class, delivered::add);
    }

    @AfterEach
    void stopProbing() {
        availability.destroy();
    }

    @Test
    void aDatabaseThatStopsAnsweringIsReportedOnceAsUnavailable() {
        database.answering = false;

        availability.reportNoAnswer();
        await().until(() -> !delivered.isEmpty());
        availability.reportNoAnswer();

        await().untilAsserted(() -> assertThat(delivered).singleElement().isInstanceOf(DatabaseUnavailable.class));
        assertThat(availability.isAvailable()).isFalse();
    }

    @Test
    void aDatabaseThatAnswersAgainIsReportedAvailableAndViewsResynchronise() {
        database.answering = false;
        availability.reportNoAnswer();
        await().until(() -> !availability.isAvailable());

        database.answering = true;
        availability.reportNoAnswer();

        await().untilAsserted(() -> assertThat(delivered)
                .hasSize(3)
                .satisfiesExactly(
                        down -> assertThat(down).isInstanceOf(DatabaseUnavailable.class),
                        up -> assertThat(up).isEqualTo(new DatabaseAvailable()),
                        resync -> assertThat(resync).isEqualTo(new Resynchronised())));
        assertThat(availability.isAvailable()).isTrue();
    }

    @Test
    void aCallerThatMetNoAnswerWhileTheDatabaseAnswersIsToldToTryAgain() {
        availability.reportNoAnswer();

        await().untilAsserted(() -> assertThat(delivered).containsExactly(new DatabaseAvailable()));
        assertThat(availability.isAvailable()).isTrue();
    }

    @Test
    void eachNodeProbesItsOwnConnectionSoNoneOfTheseEventsTravelsToOtherNodes() {
        assertThat(SharedEvent.class.isAssignableFrom(DatabaseUnavailable.class))
                .isFalse();
        assertThat(SharedEvent.class.isAssignableFrom(DatabaseAvailable.class)).isFalse();
    }

    /** An in-memory H2 that refuses connections, as a pool that gave up waiting, while switched off. */
    private static final class SwitchableDataSource implements DataSource {

        private final JdbcDataSource h2 = new JdbcDataSource();
        volatile boolean answering = true;

        SwitchableDataSource() {
            h2.setURL("jdbc:h2:mem:");
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (!answering) {
                throw new SQLTransientConnectionException("Connection is not available, request timed out");
            }
            return h2.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("Not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
