package org.orderdesk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that tests move by hand, safe to read from many threads. With a tick, every reading
 * advances it, so that readings taken one after another are strictly increasing.
 */
public final class TestClock extends Clock {

    public static final Instant START = Instant.parse("2026-11-26T09:00:00Z");

    private final AtomicReference<Instant> now;
    private final Duration tick;

    public TestClock() {
        this(START, Duration.ZERO);
    }

    public TestClock(Instant start, Duration tick) {
        this.now = new AtomicReference<>(start);
        this.tick = tick;
    }

    /** A clock that starts at {@code start} and moves by {@code tick} on every reading. */
    public static TestClock ticking(Instant start, Duration tick) {
        return new TestClock(start, tick);
    }

    public void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }

    @Override
    public Instant instant() {
        return tick.isZero() ? now.get() : now.getAndUpdate(instant -> instant.plus(tick));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("Tests run in UTC");
    }
}
