package org.orderdesk.database;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.orderdesk.event.EventBroadcaster;
import org.orderdesk.event.Resynchronised;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether this node's database answers, as its last probe found: a cheap query every {@code
 * orderdesk.database.probe-interval}, and at once when a caller {@linkplain #reportNoAnswer met no
 * answer}. When the answer changes it delivers, on this node only, {@link DatabaseUnavailable}, or
 * {@link DatabaseAvailable} followed by {@link Resynchronised} (events were missed meanwhile: views
 * reload). Probes run one at a time on a thread of their own, so that one waiting for the pool's
 * connection timeout delays neither clerks nor the lock sweeper.
 */
@Component
public class DatabaseAvailability implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DatabaseAvailability.class);

    private final JdbcClient jdbc;
    private final EventBroadcaster broadcaster;
    private final Clock clock;
    private final ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "database-probe");
        thread.setDaemon(true);
        return thread;
    });
    /** Many callers meeting the same outage ask for one probe, not one each. */
    private final AtomicBoolean reportedProbePending = new AtomicBoolean();

    /** Written by the probe thread only. */
    private volatile @Nullable Instant unavailableSince;

    DatabaseAvailability(JdbcClient jdbc, EventBroadcaster broadcaster, Clock clock, DatabaseProperties settings) {
        this.jdbc = jdbc;
        this.broadcaster = broadcaster;
        this.clock = clock;
        long interval = settings.probeInterval().toMillis();
        prober.scheduleWithFixedDelay(this::probeAndGoOn, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** Whether the database answered the last probe. */
    public boolean isAvailable() {
        return unavailableSince == null;
    }

    /**
     * A caller met no answer: probe at once. If the database answers after all, {@link
     * DatabaseAvailable} goes out anyway, so that whoever waits for it tries again.
     */
    public void reportNoAnswer() {
        if (reportedProbePending.compareAndSet(false, true)) {
            prober.execute(() -> {
                reportedProbePending.set(false);
                if (probe()) {
                    broadcaster.deliver(new DatabaseAvailable());
                }
            });
        }
    }

    /** A scheduled probe that fails for any reason must not end the schedule. */
    private void probeAndGoOn() {
        try {
            probe();
        } catch (RuntimeException failure) {
            log.warn("The database probe failed; the next one runs as planned", failure);
        }
    }

    /** Asks the database and delivers the events of a change; true when it answered and was answering before. */
    private boolean probe() {
        boolean answers = answers();
        Instant since = unavailableSince;
        if (!answers && since == null) {
            Instant now = clock.instant();
            unavailableSince = now;
            log.warn("The database does not answer: editors keep their changes, views pause their live data");
            broadcaster.deliver(new DatabaseUnavailable(now));
        } else if (answers && since != null) {
            unavailableSince = null;
            log.info("The database answers again after an outage since {}", since);
            broadcaster.deliver(new DatabaseAvailable());
            broadcaster.deliver(new Resynchronised());
            return false;
        }
        return answers;
    }

    private boolean answers() {
        try {
            jdbc.sql("select 1").query(Integer.class).single();
            return true;
        } catch (RuntimeException noAnswer) {
            log.debug("Database probe failed", noAnswer);
            return false;
        }
    }

    @Override
    public void destroy() {
        prober.shutdownNow();
    }
}
