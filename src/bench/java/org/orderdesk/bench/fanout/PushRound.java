package org.orderdesk.bench.fanout;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One lock event's way to every screen: each screen's push reports whether its grid shows the
 * event; the round ends when all have.
 */
final class PushRound {

    private final String expected;
    private final CountDownLatch shown;
    private final AtomicLong lastShownNanos = new AtomicLong();
    private final AtomicInteger pushes = new AtomicInteger();

    /** {@code expected}: a text the push of every screen must carry, such as the holder's name. */
    PushRound(int screens, String expected) {
        this.expected = expected;
        this.shown = new CountDownLatch(screens);
    }

    /** Called by a screen's push, with the UI locked, with what it sends to the browser. */
    void pushed(String message) {
        pushes.incrementAndGet();
        if (message.contains(expected)) {
            lastShownNanos.accumulateAndGet(System.nanoTime(), Math::max);
            shown.countDown();
        }
    }

    /** When the last screen showed the event, as {@link System#nanoTime()}. */
    long await(long timeoutSeconds) throws InterruptedException {
        if (!shown.await(timeoutSeconds, TimeUnit.SECONDS)) {
            throw new IllegalStateException(shown.getCount() + " screens did not show '" + expected + "' within "
                    + timeoutSeconds + " s (" + pushes.get() + " pushes)");
        }
        return lastShownNanos.get();
    }

    int pushes() {
        return pushes.get();
    }
}
