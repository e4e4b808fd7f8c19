package org.orderdesk.bench.fanout;

import java.util.ArrayList;
import java.util.List;
import org.orderdesk.bench.app.RunningApp;
import org.orderdesk.lock.AcquireOutcome;
import org.orderdesk.lock.LockHolder;
import org.orderdesk.lock.LockService;
import org.orderdesk.lock.ResourceId;

/**
 * Alice takes order 1 and lets it go again, event after event, while the screens watch: each
 * acquire and each release is one measured event.
 */
final class FanOutRounds {

    /** Past the push interval (250 ms), so that no event waits for the previous push. */
    private static final long PAUSE_MILLIS = 300;

    private static final ResourceId ORDER = ResourceId.order(1);
    private static final LockHolder ALICE = new LockHolder("alice", "Alice", "fan-out-bench");

    /** One event: until every screen showed it, and how long the taker's call took. */
    record Sample(double allShownMs, double takerMs) {}

    private final LockService locks;
    private final GridScreens screens;

    FanOutRounds(RunningApp app, GridScreens screens) {
        this.locks = app.bean(LockService.class);
        this.screens = screens;
    }

    /** {@code events} events, half acquires and half releases. */
    List<Sample> measure(int events) throws InterruptedException {
        List<Sample> samples = new ArrayList<>();
        long token = 0;
        for (int event = 0; event < events; event++) {
            boolean take = event % 2 == 0;
            // The row's lock cell as the push renders it: the holder's name once taken, empty once free.
            PushRound round = screens.expect(take ? "_lockHolder\":\"Alice\"" : "_lockHolder\":\"\"");
            long started = System.nanoTime();
            if (take) {
                token = ((AcquireOutcome.Acquired) locks.acquire(ORDER, ALICE)).token();
            } else {
                locks.release(ORDER, ALICE.holderKey(), token);
            }
            long returned = System.nanoTime();
            long allShown = round.await(60);
            samples.add(new Sample((allShown - started) / 1e6, (returned - started) / 1e6));
            Thread.sleep(PAUSE_MILLIS);
        }
        if (events % 2 == 1) {
            locks.release(ORDER, ALICE.holderKey(), token);
            Thread.sleep(PAUSE_MILLIS);
        }
        return samples;
    }
}
