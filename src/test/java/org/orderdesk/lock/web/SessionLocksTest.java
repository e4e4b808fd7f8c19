package org.orderdesk.lock.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.orderdesk.lock.ResourceId;

/** The registry of locks per session stays exact while one session's tabs hold and forget at once. */
class SessionLocksTest {

    private static final int ROUNDS = 200_000;

    @Test
    void aLockHeldWhileAnotherTabForgetsTheSessionsLastLockIsNotLost() throws Exception {
        // Nothing is released here, so the registry needs no lock service.
        SessionLocks registry = new SessionLocks(null);
        // Each round starts both tabs at once on a fresh session, whose only lock the first tab forgets.
        CyclicBarrier round = new CyclicBarrier(2);
        try (ExecutorService tabs = Executors.newFixedThreadPool(2)) {
            Future<?> firstTab = tabs.submit(() -> {
                for (int i = 0; i < ROUNDS; i++) {
                    var lock = new SessionLocks.HeldLock(ResourceId.order(1), "first-tab", i);
                    registry.hold("session-" + i, lock);
                    round.await();
                    registry.forget("session-" + i, lock);
                }
                return null;
            });
            Future<?> secondTab = tabs.submit(() -> {
                for (int i = 0; i < ROUNDS; i++) {
                    round.await();
                    registry.hold("session-" + i, new SessionLocks.HeldLock(ResourceId.order(2), "second-tab", i));
                }
                return null;
            });
            firstTab.get();
            secondTab.get();
        }

        assertThat(IntStream.range(0, ROUNDS).filter(i -> !registry.holds("session-" + i, "second-tab")))
                .as("every second tab's lock is still registered")
                .isEmpty();
    }
}
