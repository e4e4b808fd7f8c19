package org.orderdesk.bench.lockfreed;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.orderdesk.event.EventBroadcaster;
import org.orderdesk.event.Subscription;
import org.orderdesk.lock.LockEvent;

/**
 * When the server ended each hold, by fencing token: a subscriber on the node's {@link
 * EventBroadcaster}, which delivers on the committing thread right after the commit. Subscribed
 * before any UI, so it hears each event before any clerk's view does.
 */
final class LockEndings implements AutoCloseable {

    /** How a hold ended, and when (µs since the epoch, this machine's clock). */
    record Ending(Path path, double atMs, Instant leaseEnd) {}

    /** What ended the hold: the tab's beacon, the editor's detach (Vaadin's unload message), the sweeper. */
    enum Path {
        BEACON("tab-close beacon"),
        DETACH("editor detached (Vaadin's unload message)"),
        SWEEPER("sweeper, lease ended"),
        OTHER("other");

        final String label;

        Path(String label) {
            this.label = label;
        }
    }

    private final Map<Long, Ending> byToken = new ConcurrentHashMap<>();
    private final Subscription released;
    private final Subscription expired;

    LockEndings(EventBroadcaster broadcaster) {
        released = broadcaster.subscribe(
                LockEvent.Released.class,
                event -> byToken.putIfAbsent(event.token(), new Ending(releasedBy(), nowMs(), null)));
        expired = broadcaster.subscribe(
                LockEvent.Expired.class,
                event -> byToken.putIfAbsent(event.token(), new Ending(Path.SWEEPER, nowMs(), event.expiredAt())));
    }

    /** How the hold with {@code token} ended; waits up to {@code patience} for it. */
    Ending await(long token, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        Ending ending;
        while ((ending = byToken.get(token)) == null) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The hold with token " + token + " did not end within " + patience);
            }
            Thread.sleep(2);
        }
        return ending;
    }

    /** Read off the releasing thread's stack, which the event is delivered on: a few µs. */
    private static Path releasedBy() {
        return StackWalker.getInstance()
                .walk(frames -> frames.map(StackWalker.StackFrame::getClassName)
                        .map(name -> name.endsWith(".LockReleaseController")
                                ? Path.BEACON
                                : name.endsWith(".OrderEditorView") ? Path.DETACH : null)
                        .filter(path -> path != null)
                        .findFirst()
                        .orElse(Path.OTHER));
    }

    private static double nowMs() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now()) / 1000.0;
    }

    @Override
    public void close() {
        released.cancel();
        expired.cancel();
    }
}
