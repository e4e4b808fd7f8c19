package org.orderdesk.lock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.orderdesk.TestClock;
import org.orderdesk.lock.AcquireOutcome.Acquired;
import org.springframework.data.domain.PageRequest;

/**
 * In the spirit of ShedLock's fuzz test: many clerks take turns on one order as fast as they can;
 * each increments a plain, unsynchronised counter while it holds the lock. If two ever held it at
 * once, increments would be lost, and the audit would show overlapping holds. Each database the
 * engine supports runs it through a subclass that only says which database.
 */
abstract class LockFuzz extends LockEngineTest {

    private static final int THREADS = 16;
    private static final int CYCLES = 500;
    private static final ResourceId ORDER = ResourceId.order(4242);

    /** Deliberately not atomic or volatile: only the lock protects it. */
    private int counter;

    @Test
    void sixteenClerksTakingTurnsNeverHoldTheOrderAtOnce() throws Exception {
        // Every reading of this clock is one microsecond later than the last: holds get distinct times.
        LockService locks = new LockNodes(context)
                .start(TestClock.ticking(clock.instant(), Duration.ofNanos(1000)))
                .locks();
        Race.run(THREADS, i -> {
            LockHolder clerk = new LockHolder("clerk" + i, "Clerk " + i, "tab-" + i);
            return () -> {
                for (int cycle = 0; cycle < CYCLES; cycle++) {
                    Acquired held = acquireWhenFree(locks, clerk);
                    int seen = counter;
                    Thread.yield();
                    counter = seen + 1;
                    assertThat(locks.release(ORDER, clerk.holderKey(), held.token()))
                            .isTrue();
                }
                return null;
            };
        });

        assertThat(counter).isEqualTo(THREADS * CYCLES);
        List<Hold> holds = holdsFromAudit();
        assertThat(holds).hasSize(THREADS * CYCLES);
        for (int i = 1; i < holds.size(); i++) {
            assertThat(holds.get(i).from())
                    .as("hold %s starts after hold %s ended", holds.get(i), holds.get(i - 1))
                    .isAfter(holds.get(i - 1).until());
        }
    }

    private static Acquired acquireWhenFree(LockService locks, LockHolder clerk) {
        while (true) {
            if (locks.acquire(ORDER, clerk) instanceof Acquired acquired) {
                return acquired;
            }
            Thread.yield();
        }
    }

    private record Hold(long token, Instant from, Instant until) {}

    private List<Hold> holdsFromAudit() {
        List<LockAuditEntry> entries = auditPage(new AuditFilter(ORDER, null), PageRequest.of(0, 4 * THREADS * CYCLES))
                .getContent();
        Map<Long, Instant> acquiredAt = new HashMap<>();
        List<Hold> holds = new ArrayList<>();
        for (LockAuditEntry entry : entries.reversed()) {
            switch (entry.action()) {
                case ACQUIRED -> acquiredAt.put(entry.token(), entry.at());
                case RELEASED -> holds.add(new Hold(entry.token(), acquiredAt.get(entry.token()), entry.at()));
                default -> throw new AssertionError("Unexpected " + entry);
            }
        }
        holds.sort(Comparator.comparing(Hold::from));
        return holds;
    }
}
