package org.orderdesk.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.orderdesk.lock.LockTestData.ALICE;
import static org.orderdesk.lock.LockTestData.BOB;
import static org.orderdesk.lock.LockTestData.CAROL;
import static org.orderdesk.lock.LockTestData.SAM;
import static org.orderdesk.lock.LockTestData.tabOf;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orderdesk.lock.AcquireOutcome.Acquired;
import org.orderdesk.lock.LockHold.Ending;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

/**
 * An order's lock history: each hold with its holder, its start, its end and how it ended, newest
 * first and page by page. Each database the engine supports runs it through a subclass.
 */
abstract class LockHistoryContract extends LockEngineTest {

    private static final ResourceId ORDER_7 = ResourceId.order(7);
    private static final Duration LEASE = Duration.ofSeconds(120);

    @Autowired
    LockHistory history;

    private Acquired acquire(LockHolder holder) {
        return (Acquired) locks.acquire(ORDER_7, holder);
    }

    private void tick() {
        clock.advance(Duration.ofSeconds(10));
    }

    private List<LockHold> firstPage() {
        return history.holds(ORDER_7, PageRequest.of(0, 50));
    }

    @Test
    void eachHoldSaysWhoHeldItFromWhenToWhenAndHowItEnded() {
        LockHolder aliceTab = tabOf(ALICE);
        Acquired released = acquire(aliceTab);
        tick();
        locks.release(ORDER_7, aliceTab.holderKey(), released.token());
        Instant releasedAt = clock.instant();
        tick();
        LockHolder bobTab = tabOf(BOB);
        Acquired saved = acquire(bobTab);
        tick();
        locks.releaseAfterSave(ORDER_7, bobTab.holderKey(), saved.token());
        Instant savedAt = clock.instant();
        tick();
        LockHolder carolTab = tabOf(CAROL);
        Acquired lapsed = acquire(carolTab);
        tick();
        locks.renew(ORDER_7, carolTab.holderKey(), lapsed.token());
        Instant lapsedAt = clock.instant().plus(LEASE);
        clock.advance(LEASE.plusSeconds(30));
        sweeper.sweep();
        tick();
        Acquired takenOver = acquire(tabOf(ALICE));
        tick();
        takeOver(ORDER_7, tabOf(SAM), "Customer on the phone");
        Instant takenOverAt = clock.instant();
        tick();
        breakLock(ORDER_7, SAM, "Stock take");
        Instant brokenAt = clock.instant();
        tick();
        LockHolder bobsFirstTab = tabOf(BOB);
        Acquired moved = acquire(bobsFirstTab);
        tick();
        takeOvers.moveHere(ORDER_7, tabOf(BOB));
        Instant movedAt = clock.instant();

        assertThat(firstPage())
                .extracting(LockHold::holder, LockHold::ending, LockHold::to, LockHold::endedBy, LockHold::reason)
                .containsExactly(
                        tuple(BOB, Ending.STILL_HELD, null, null, null),
                        tuple(BOB, Ending.MOVED, movedAt, BOB, null),
                        tuple(SAM, Ending.BROKEN, brokenAt, SAM, "Stock take"),
                        tuple(ALICE, Ending.TAKEN_OVER, takenOverAt, SAM, "Customer on the phone"),
                        tuple(CAROL, Ending.LAPSED, lapsedAt, null, null),
                        tuple(BOB, Ending.SAVED, savedAt, null, null),
                        tuple(ALICE, Ending.RELEASED, releasedAt, null, null));
        assertThat(firstPage())
                .extracting(LockHold::token)
                .containsSubsequence(moved.token(), takenOver.token(), lapsed.token(), saved.token(), released.token());
        assertThat(firstPage().getLast().from()).isEqualTo(released.acquiredAt());
        assertThat(history.count(ORDER_7)).isEqualTo(7);
    }

    @Test
    void theAuditTrailShowsAReleaseAfterASaveAsAReleaseWithWhy() {
        LockHolder aliceTab = tabOf(ALICE);
        Acquired alices = acquire(aliceTab);

        assertThat(locks.releaseAfterSave(ORDER_7, aliceTab.holderKey(), alices.token()))
                .isTrue();

        assertThat(auditPage(AuditFilter.order(7), PageRequest.of(0, 10)).getContent())
                .extracting(LockAuditEntry::action, LockAuditEntry::reason)
                .containsExactly(tuple(LockAction.RELEASED, "after saving"), tuple(LockAction.ACQUIRED, null));
        assertThat(events.of(LockEvent.Released.class)).hasSize(1);
        assertThat(locks.find(ORDER_7)).isEmpty();
    }

    @Test
    void aLeaseThatRanOutIsLapsedWhenItEndedNotWhenSomeoneNoticed() {
        Acquired alices = acquire(tabOf(ALICE));
        clock.advance(LEASE.plusSeconds(5));

        assertThat(firstPage())
                .as("not swept yet")
                .extracting(LockHold::ending, LockHold::to)
                .containsExactly(tuple(Ending.LAPSED, alices.expiresAt()));

        clock.advance(Duration.ofHours(3));
        acquire(tabOf(BOB));

        assertThat(firstPage())
                .extracting(hold -> hold.holder().username(), LockHold::ending, LockHold::to)
                .containsExactly(
                        tuple("bob", Ending.STILL_HELD, null), tuple("alice", Ending.LAPSED, alices.expiresAt()));
    }

    @Test
    void renewalsAndRequestsAddNoHolds() {
        LockHolder aliceTab = tabOf(ALICE);
        Acquired alices = acquire(aliceTab);
        for (int renewal = 0; renewal < 5; renewal++) {
            tick();
            locks.renew(ORDER_7, aliceTab.holderKey(), alices.token());
        }
        releaseRequests.requestRelease(ORDER_7, BOB);
        acquire(aliceTab);

        assertThat(firstPage())
                .extracting(LockHold::ending, LockHold::from)
                .containsExactly(tuple(Ending.STILL_HELD, alices.acquiredAt()));
        assertThat(history.count(ORDER_7)).isEqualTo(1);
    }

    @Test
    void theHistoryComesPageByPageNewestFirstAndOnlyForItsOrder() {
        locks.acquire(ResourceId.order(8), tabOf(CAROL));
        List<Long> tokens = new ArrayList<>();
        for (int hold = 0; hold < 25; hold++) {
            LockHolder holder = tabOf(hold % 2 == 0 ? ALICE : BOB);
            Acquired acquired = acquire(holder);
            tokens.addFirst(acquired.token());
            tick();
            locks.release(ORDER_7, holder.holderKey(), acquired.token());
        }

        List<LockHold> first = history.holds(ORDER_7, PageRequest.of(0, 10));
        List<LockHold> second = history.holds(ORDER_7, PageRequest.of(1, 10));
        List<LockHold> third = history.holds(ORDER_7, PageRequest.of(2, 10));

        assertThat(history.count(ORDER_7)).isEqualTo(25);
        assertThat(first).hasSize(10);
        assertThat(second).hasSize(10);
        assertThat(third).hasSize(5);
        List<Long> paged = new ArrayList<>();
        for (List<LockHold> page : List.of(first, second, third)) {
            page.forEach(hold -> paged.add(hold.token()));
        }
        assertThat(paged).isEqualTo(tokens);
        assertThat(first.getFirst().holder()).isEqualTo(ALICE);
        assertThat(first).allMatch(hold -> hold.ending() == Ending.RELEASED);
        assertThat(history.count(ResourceId.order(8))).isEqualTo(1);
        assertThat(history.holds(ResourceId.order(9), PageRequest.of(0, 10))).isEmpty();
    }
}
