package org.orderdesk.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.orderdesk.lock.LockTestData.ALICE;
import static org.orderdesk.lock.LockTestData.BOB;
import static org.orderdesk.lock.LockTestData.CAROL;
import static org.orderdesk.lock.LockTestData.tabOf;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orderdesk.lock.AcquireOutcome.Acquired;
import org.springframework.data.domain.PageRequest;

/**
 * A holder answers a request to release: "Give me 5 minutes" or "Not now" with a short message,
 * audited and told to the requester; the holder who asked for more time is reminded once it has
 * passed, unless the hold ended first. On each database the engine supports.
 */
abstract class ReleaseAnswersContract extends LockEngineTest {

    private static final ResourceId ORDER_42 = ResourceId.order(42);
    private static final Duration MORE_TIME = Duration.ofMinutes(5);

    final LockHolder aliceTab = tabOf(ALICE);

    @BeforeEach
    void startWithoutReminders() {
        jdbc.sql("delete from release_reminders").update();
    }

    private Acquired aliceHoldsAndBobAsks() {
        Acquired alices = (Acquired) locks.acquire(ORDER_42, aliceTab);
        assertThat(releaseRequests.requestRelease(ORDER_42, BOB)).isInstanceOf(ReleaseRequest.Sent.class);
        return alices;
    }

    private boolean answer(Acquired hold, LockUser requester, ReleaseAnswer answer, String message) {
        return releaseRequests.answer(ORDER_42, aliceTab, hold.token(), requester, answer, message);
    }

    /** Alice keeps working: her editor renews well within each lease. */
    private void aliceWorksFor(Duration time, Acquired hold) {
        Duration step = Duration.ofSeconds(30);
        for (Duration passed = Duration.ZERO; passed.compareTo(time) < 0; passed = passed.plus(step)) {
            Duration next = time.minus(passed).compareTo(step) < 0 ? time.minus(passed) : step;
            clock.advance(next);
            assertThat(locks.renew(ORDER_42, aliceTab.holderKey(), hold.token()))
                    .isInstanceOf(RenewOutcome.Renewed.class);
        }
    }

    @Test
    void moreTimeIsToldToTheRequesterAndAudited() {
        Acquired alices = aliceHoldsAndBobAsks();
        Instant answeredAt = clock.instant();

        assertThat(answer(alices, BOB, ReleaseAnswer.MORE_TIME, "")).isTrue();

        assertThat(events.of(LockEvent.ReleaseAnswered.class))
                .containsExactly(new LockEvent.ReleaseAnswered(
                        ORDER_42, aliceTab, alices.token(), BOB, ReleaseAnswer.MORE_TIME, MORE_TIME, null, answeredAt));
        assertThat(auditTrail.entries(AuditFilter.ALL, PageRequest.of(0, 1)))
                .extracting(
                        LockAuditEntry::action, LockAuditEntry::holder, LockAuditEntry::actor, LockAuditEntry::reason)
                .containsExactly(tuple(LockAction.RELEASE_DEFERRED, ALICE, ALICE, "To Bob"));
        assertThat(locks.find(ORDER_42).orElseThrow().token()).isEqualTo(alices.token());
    }

    @Test
    void notNowCarriesTheHoldersMessageToTheRequesterAndIntoTheTrail() {
        Acquired alices = aliceHoldsAndBobAsks();

        assertThat(answer(alices, BOB, ReleaseAnswer.NOT_NOW, "  finishing the invoice "))
                .isTrue();

        assertThat(events.of(LockEvent.ReleaseAnswered.class)).singleElement().satisfies(answered -> {
            assertThat(answered.answer()).isEqualTo(ReleaseAnswer.NOT_NOW);
            assertThat(answered.requester()).isEqualTo(BOB);
            assertThat(answered.moreTime()).isNull();
            assertThat(answered.message()).isEqualTo("finishing the invoice");
        });
        assertThat(auditTrail.entries(AuditFilter.ALL, PageRequest.of(0, 1)))
                .extracting(LockAuditEntry::action, LockAuditEntry::reason)
                .containsExactly(tuple(LockAction.RELEASE_DECLINED, "To Bob: finishing the invoice"));
    }

    @Test
    void theHolderIsRemindedOnceTheMoreTimeHasPassedAndOnlyOnce() {
        Acquired alices = aliceHoldsAndBobAsks();
        answer(alices, BOB, ReleaseAnswer.MORE_TIME, "");

        aliceWorksFor(MORE_TIME.minusSeconds(1), alices);
        assertThat(sweeper.sweep().reminded()).isZero();

        aliceWorksFor(Duration.ofSeconds(1), alices);
        assertThat(sweeper.sweep().reminded()).isOne();
        assertThat(sweeper.sweep().reminded()).isZero();

        assertThat(events.of(LockEvent.ReleaseReminder.class))
                .extracting(
                        LockEvent.ReleaseReminder::holder,
                        LockEvent.ReleaseReminder::token,
                        LockEvent.ReleaseReminder::requester)
                .containsExactly(tuple(aliceTab, alices.token(), BOB));
    }

    @Test
    void racingSweepersSendEachReminderOnce() throws Exception {
        int holds = 50;
        List<Acquired> held = new ArrayList<>();
        for (int orderId = 1; orderId <= holds; orderId++) {
            ResourceId order = ResourceId.order(orderId);
            Acquired hold = (Acquired) locks.acquire(order, aliceTab);
            releaseRequests.requestRelease(order, BOB);
            releaseRequests.answer(order, aliceTab, hold.token(), BOB, ReleaseAnswer.MORE_TIME, null);
            held.add(hold);
        }
        for (int minute = 1; minute <= MORE_TIME.toMinutes(); minute++) {
            clock.advance(Duration.ofMinutes(1));
            for (int orderId = 1; orderId <= holds; orderId++) {
                locks.renew(
                        ResourceId.order(orderId),
                        aliceTab.holderKey(),
                        held.get(orderId - 1).token());
            }
        }
        LockNodes nodes = new LockNodes(context);
        List<LockSweeper> sweepers = List.of(
                sweeper, nodes.start(clock).sweeper(), nodes.start(clock).sweeper());

        int reminded =
                Race.run(
                                4,
                                thread -> () -> sweepers.stream()
                                        .mapToInt(node -> node.sweep().reminded())
                                        .sum())
                        .stream()
                        .mapToInt(Integer::intValue)
                        .sum();

        assertThat(reminded).isEqualTo(holds);
        assertThat(events.of(LockEvent.ReleaseReminder.class))
                .extracting(LockEvent::resource)
                .doesNotHaveDuplicates()
                .hasSize(holds);
    }

    @Test
    void noReminderComesWhenTheHolderReleasedBefore() {
        Acquired alices = aliceHoldsAndBobAsks();
        answer(alices, BOB, ReleaseAnswer.MORE_TIME, "");
        clock.advance(Duration.ofMinutes(2));
        locks.release(ORDER_42, aliceTab.holderKey(), alices.token());

        clock.advance(MORE_TIME);
        assertThat(sweeper.sweep().reminded()).isZero();

        assertThat(events.of(LockEvent.ReleaseReminder.class)).isEmpty();
        assertThat(jdbc.sql("select count(*) from release_reminders")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void notNowAfterMoreTimeCancelsTheReminder() {
        Acquired alices = aliceHoldsAndBobAsks();
        answer(alices, BOB, ReleaseAnswer.MORE_TIME, "");
        aliceWorksFor(Duration.ofMinutes(1), alices);
        answer(alices, BOB, ReleaseAnswer.NOT_NOW, "");

        aliceWorksFor(MORE_TIME, alices);
        sweeper.sweep();

        assertThat(events.of(LockEvent.ReleaseReminder.class)).isEmpty();
    }

    @Test
    void onlyTheHoldThatWasAskedAnswersAndOnlyWhoAskedDuringIt() {
        Acquired alices = aliceHoldsAndBobAsks();
        LockHolder aliceOtherTab = tabOf(ALICE);

        assertThat(releaseRequests.answer(ORDER_42, aliceOtherTab, alices.token(), BOB, ReleaseAnswer.NOT_NOW, null))
                .as("another tab of the holder")
                .isFalse();
        assertThat(answer(alices, CAROL, ReleaseAnswer.NOT_NOW, ""))
                .as("nobody asked")
                .isFalse();

        locks.release(ORDER_42, aliceTab.holderKey(), alices.token());
        assertThat(answer(alices, BOB, ReleaseAnswer.NOT_NOW, ""))
                .as("the hold ended")
                .isFalse();

        clock.advance(Duration.ofSeconds(1));
        Acquired again = (Acquired) locks.acquire(ORDER_42, aliceTab);
        assertThat(answer(again, BOB, ReleaseAnswer.NOT_NOW, ""))
                .as("Bob asked during the earlier hold")
                .isFalse();

        assertThat(events.of(LockEvent.ReleaseAnswered.class)).isEmpty();
        assertThat(auditTrail.entries(AuditFilter.ALL, PageRequest.of(0, 20)))
                .extracting(LockAuditEntry::action)
                .doesNotContain(LockAction.RELEASE_DEFERRED, LockAction.RELEASE_DECLINED);
    }

    @Test
    void aMessageOverTheLimitIsRefusedInWords() {
        Acquired alices = aliceHoldsAndBobAsks();

        assertThatThrownBy(() -> answer(alices, BOB, ReleaseAnswer.NOT_NOW, "x".repeat(201)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The message is limited to 200 characters");
        assertThat(answer(alices, BOB, ReleaseAnswer.NOT_NOW, "x".repeat(200))).isTrue();
    }
}
