package org.orderdesk.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import io.micrometer.core.instrument.Counter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The updates waiting for one UI. The first update after a quiet spell goes out at once; later
 * ones wait until {@code minInterval} has passed since the previous push and then go out together
 * in one {@code ui.access}, so a burst of events costs the browser one push per interval. An
 * update offered under the key of one still waiting replaces it: only the latest matters. Each
 * flush runs on a virtual thread of its own: {@code ui.access} runs the updates (and writes the
 * push) on the calling thread when the session is free, and one slow tab must not hold up others.
 */
final class UiPushQueue {

    private static final Logger log = LoggerFactory.getLogger(UiPushQueue.class);

    private final UI ui;
    /** Only times the flushes; never runs one. */
    private final ScheduledExecutorService timer;

    private final long minIntervalNanos;
    private final AtomicInteger scheduledFlushes;
    private final Counter pushes;

    /** Guarded by {@code this}. */
    private final Map<Object, Runnable> waiting = new LinkedHashMap<>();

    private boolean flushScheduled;
    private long lastFlushNanos;
    private boolean flushedBefore;

    UiPushQueue(
            UI ui,
            ScheduledExecutorService timer,
            long minIntervalNanos,
            AtomicInteger scheduledFlushes,
            Counter pushes) {
        this.ui = ui;
        this.timer = timer;
        this.minIntervalNanos = minIntervalNanos;
        this.scheduledFlushes = scheduledFlushes;
        this.pushes = pushes;
    }

    synchronized void offer(Object key, Runnable update) {
        waiting.remove(key);
        waiting.put(key, update);
        if (flushScheduled) {
            return;
        }
        flushScheduled = true;
        long wait = flushedBefore ? Math.max(0, lastFlushNanos + minIntervalNanos - System.nanoTime()) : 0;
        scheduledFlushes.incrementAndGet();
        if (wait == 0) {
            Thread.ofVirtual().name("live-push").start(this::flush);
        } else {
            timer.schedule(() -> Thread.ofVirtual().name("live-push").start(this::flush), wait, TimeUnit.NANOSECONDS);
        }
    }

    /** One view's failing update must not keep the others in the same push from showing. */
    private static void runAlone(Runnable update) {
        try {
            update.run();
        } catch (RuntimeException e) {
            log.warn("A live update failed; the others in the same push still run", e);
        }
    }

    private void flush() {
        List<Runnable> batch;
        synchronized (this) {
            batch = new ArrayList<>(waiting.values());
            waiting.clear();
            flushScheduled = false;
            flushedBefore = true;
            lastFlushNanos = System.nanoTime();
        }
        pushes.increment();
        try {
            ui.access(() -> batch.forEach(UiPushQueue::runAlone));
        } catch (UIDetachedException closed) {
            // The tab closed while the updates were on their way: nobody is left to show them.
        } finally {
            scheduledFlushes.decrementAndGet();
        }
    }
}
