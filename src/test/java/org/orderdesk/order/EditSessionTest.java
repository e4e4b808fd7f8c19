package org.orderdesk.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orderdesk.TestClock;
import org.orderdesk.lock.DocumentedLockSettings;
import org.orderdesk.lock.LockEvent;
import org.orderdesk.lock.LockHolder;
import org.orderdesk.lock.LockLoss;
import org.orderdesk.lock.LockProperties;
import org.orderdesk.lock.LockUser;
import org.orderdesk.lock.ReleaseAnswer;
import org.orderdesk.lock.ResourceId;
import org.orderdesk.order.EditSession.SaveOutcome;
import org.orderdesk.order.EditSession.Update;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * One editor's hold, without Spring: the lock and the order live in memory, and time moves only
 * when a test moves the clock. The defaults: a 2-minute lease, renewals at most every 15 s while
 * the clerk was active within 5 minutes.
 */
class EditSessionTest {

    private static final LockProperties SETTINGS = DocumentedLockSettings.DEFAULTS;
    private static final Duration LEASE = SETTINGS.lease();
    private static final Duration HALF_INTERVAL = Duration.ofSeconds(15);
    private static final long ORDER = InMemoryEditOperations.ORDER_ID;
    private static final ResourceId RESOURCE = ResourceId.order(ORDER);
    private static final LockHolder ALICE = new LockHolder("alice", "Alice", "alices-tab");
    private static final LockHolder ALICES_OTHER_TAB = new LockHolder("alice", "Alice", "alices-other-tab");
    private static final LockHolder BOB = new LockHolder("bob", "Bob", "bobs-tab");
    private static final LockUser SAM = new LockUser("sam", "Sam");

    private final TestClock clock = new TestClock();
    private final InMemoryEditOperations operations = new InMemoryEditOperations(clock, LEASE);
    private final List<Update> updates = new ArrayList<>();
    private final EditSession session = new EditSession(operations, ALICE, clock, SETTINGS, updates::add);

    @Test
    void openingAFreeOrderHoldsItForAWholeLease() {
        EditStart start = session.open(ORDER, "alices-session");

        EditLock lock = ((EditStart.Editing) start).lock();
        assertThat(updates).containsExactly(new Update.Held(lock, LEASE));
        assertThat(session.holding()).isTrue();
        assertThat(session.lock()).contains(lock);
        assertThat(session.order()).isPresent();
        assertThat(session.remaining()).isEqualTo(LEASE);
    }

    @Test
    void openingAnOrderAnotherClerkHoldsHoldsNothing() {
        operations.takenBy(BOB, LockLoss.Reason.EXPIRED);

        EditStart start = session.open(ORDER, "alices-session");

        assertThat(start).isInstanceOf(EditStart.LockedByOther.class);
        assertThat(updates).isEmpty();
        assertThat(session.holding()).isFalse();
        assertThat(session.order()).isEmpty();
    }

    @Test
    void movingHereFromTheOtherTabHoldsTheLockUnderThisTabsKey() {
        operations.takenBy(ALICES_OTHER_TAB, LockLoss.Reason.EXPIRED);
        assertThat(session.open(ORDER, "alices-session")).isInstanceOf(EditStart.OpenInOtherTab.class);

        EditStart start = session.moveHere(ORDER, "OD-000042", "alices-session");

        assertThat(start).isInstanceOf(EditStart.Editing.class);
        assertThat(session.lock().orElseThrow().holder()).isEqualTo(ALICE);
        assertThat(updates).singleElement().isInstanceOf(Update.Held.class);
    }

    @Test
    void aSupervisorTakingOverHoldsTheLockUnderThisEditorsKey() {
        operations.takenBy(BOB, LockLoss.Reason.EXPIRED);

        LockHolder samsTab = new LockHolder(SAM, "sams-tab");
        EditSession supervisors = new EditSession(operations, samsTab, clock, SETTINGS, updates::add);

        supervisors.takeOver(ORDER, 1, "Month-end close", "sams-session");

        assertThat(supervisors.holding()).isTrue();
        assertThat(supervisors.lock().orElseThrow().holder()).isEqualTo(samsTab);
    }

    @Test
    void anActiveClerksRenewalExtendsTheLease() {
        EditLock first = open();
        clock.advance(HALF_INTERVAL);

        session.renewalRequested(0);

        Instant newExpiry = clock.instant().plus(LEASE);
        assertThat(updates).containsExactly(new Update.Renewed(first.withExpiry(newExpiry), LEASE));
        assertThat(session.lock().orElseThrow().expiresAt()).isEqualTo(newExpiry);
    }

    @Test
    void aRenewalTooSoonAfterTheLastIsRefusedWithoutAskingTheLockEngine() {
        open();
        clock.advance(HALF_INTERVAL.minusMillis(1));

        session.renewalRequested(0);

        assertThat(updates).isEmpty();
        assertThat(operations.renewed).isEmpty();
        assertThat(session.holding()).isTrue();
    }

    @Test
    void aRenewalOfAClerkIdleForLongerThanTheIdleTimeoutIsRefused() {
        EditLock lock = open();
        idleForMoreThanTheIdleTimeout();

        assertThat(updates).isEmpty();
        assertThat(operations.renewed).isEmpty();
        assertThat(session.lock().orElseThrow().token()).isEqualTo(lock.token());
        assertThat(session.holding()).as("until the lease lapses").isTrue();
    }

    @Test
    void keepEditingCountsAsActivityAndRenewsAtOnce() {
        open();
        idleForMoreThanTheIdleTimeout();

        session.keepEditing();

        assertThat(updates)
                .singleElement()
                .isEqualTo(new Update.Renewed(session.lock().orElseThrow(), LEASE));
    }

    @Test
    void aRenewalThatFindsTheLockGoneLosesItAndSaysWhy() {
        EditLock lock = open();
        clock.advance(LEASE.plusSeconds(1));
        operations.takenBy(BOB, LockLoss.Reason.EXPIRED);

        session.keepEditing();

        LockLoss loss = new LockLoss(RESOURCE, LockLoss.Reason.EXPIRED, BOB.user(), null, clock.instant());
        assertThat(updates).containsExactly(new Update.Lost(loss));
        assertThat(session.holding()).isFalse();
        assertThat(session.lock()).as("kept, to take it again").contains(lock);
        assertThat(operations.released).as("its registration goes").containsExactly(lock);
    }

    @Test
    void theExpiryWarningOfTheCurrentLeaseIsPassedOn() {
        EditLock lock = open();
        clock.advance(Duration.ofSeconds(61));
        LockEvent expiring = new LockEvent.Expiring(RESOURCE, ALICE, lock.token(), lock.expiresAt(), clock.instant());

        assertThat(session.concerns(expiring)).isTrue();
        session.onLockEvent(expiring);

        assertThat(updates).containsExactly(new Update.Expiring(Duration.ofSeconds(59)));
    }

    @Test
    void anExpiryWarningOfALeaseAlreadyRenewedIsIgnored() {
        EditLock lock = open();
        clock.advance(HALF_INTERVAL);
        session.renewalRequested(0);
        updates.clear();

        session.onLockEvent(new LockEvent.Expiring(RESOURCE, ALICE, lock.token(), lock.expiresAt(), clock.instant()));

        assertThat(updates).isEmpty();
    }

    @Test
    void aReminderThatTheMoreTimeHasPassedIsPassedOnForThisHoldOnly() {
        EditLock lock = open();
        LockEvent mine = new LockEvent.ReleaseReminder(RESOURCE, ALICE, lock.token(), BOB.user(), clock.instant());
        LockEvent older = new LockEvent.ReleaseReminder(RESOURCE, ALICE, lock.token() - 1, SAM, clock.instant());

        assertThat(session.concerns(older)).isFalse();
        session.onLockEvent(older);
        session.onLockEvent(mine);

        assertThat(updates).containsExactly(new Update.ReleaseReminder(BOB.user()));
        assertThat(session.holding()).isTrue();
    }

    @Test
    void theClerkAnswersARequestOnlyWhileHolding() {
        open();

        assertThat(session.answer(BOB.user(), ReleaseAnswer.NOT_NOW, "finishing the invoice"))
                .isTrue();
        session.release();

        assertThat(session.answer(BOB.user(), ReleaseAnswer.MORE_TIME, "")).isFalse();
        assertThat(operations.answers).containsExactly("NOT_NOW to bob: finishing the invoice");
    }

    @Test
    void aReleaseRequestForThisHoldIsPassedOnAndOneForAnotherHoldIsNot() {
        EditLock lock = open();
        LockEvent mine = new LockEvent.ReleaseRequested(RESOURCE, ALICE, lock.token(), BOB.user(), clock.instant());
        LockEvent older = new LockEvent.ReleaseRequested(RESOURCE, ALICE, lock.token() - 1, SAM, clock.instant());

        assertThat(session.concerns(older)).isFalse();
        session.onLockEvent(older);
        session.onLockEvent(mine);

        assertThat(updates).containsExactly(new Update.ReleaseRequested(BOB.user()));
        assertThat(session.holding())
                .as("nothing changes until the clerk decides")
                .isTrue();
    }

    @Test
    void eventsThatStartOrExtendAHoldDoNotConcernIt() {
        EditLock lock = open();

        assertThat(session.concerns(
                        new LockEvent.Renewed(RESOURCE, ALICE, lock.token(), lock.expiresAt(), clock.instant())))
                .isFalse();
        assertThat(session.concerns(
                        new LockEvent.Acquired(RESOURCE, ALICE, lock.token(), lock.expiresAt(), clock.instant())))
                .isFalse();
    }

    @Test
    void aTakeOverLosesTheLockNamingTheSupervisorAndLaterEventsConcernItNoMore() {
        EditLock lock = open();
        operations.takenBy(new LockHolder(SAM, "sams-tab"), LockLoss.Reason.TAKEN_OVER);
        LockEvent takenOver = new LockEvent.TakenOver(
                RESOURCE,
                ALICE,
                lock.token(),
                new LockHolder(SAM, "sams-tab"),
                2,
                clock.instant(),
                null,
                clock.instant());

        assertThat(session.concerns(takenOver)).isTrue();
        session.onLockEvent(takenOver);

        assertThat(updates)
                .containsExactly(new Update.Lost(
                        new LockLoss(RESOURCE, LockLoss.Reason.TAKEN_OVER, SAM, null, clock.instant())));
        assertThat(session.concerns(takenOver)).isFalse();
        session.onLockEvent(takenOver);
        assertThat(updates).hasSize(1);
    }

    @Test
    void anEventWhoseHoldIsStillLiveChangesNothing() {
        EditLock lock = open();

        session.onLockEvent(new LockEvent.Released(RESOURCE, ALICE, lock.token(), clock.instant()));

        assertThat(updates).isEmpty();
        assertThat(session.holding()).isTrue();
    }

    @Test
    void aResynchronisationFindingTheHoldStillHeldChangesNothing() {
        open();

        session.resynchronise();

        assertThat(updates).isEmpty();
        assertThat(session.holding()).isTrue();
    }

    @Test
    void aResynchronisationFindingTheHoldEndedUnheardLosesItAsTheEventWouldHave() {
        open();
        // Taken over on another node whose event this node never heard.
        operations.takenBy(new LockHolder(SAM, "sams-tab"), LockLoss.Reason.TAKEN_OVER);

        session.resynchronise();

        assertThat(updates)
                .containsExactly(new Update.Lost(
                        new LockLoss(RESOURCE, LockLoss.Reason.TAKEN_OVER, SAM, null, clock.instant())));
        assertThat(session.holding()).isFalse();
        session.resynchronise();
        assertThat(updates).hasSize(1);
    }

    @Test
    void releasingGivesUpTheLockAndForgetsTheOrder() {
        EditLock lock = open();

        session.release();

        assertThat(updates).containsExactly(new Update.Released());
        assertThat(operations.released).containsExactly(lock);
        assertThat(operations.isHeld()).isFalse();
        assertThat(session.holding()).isFalse();
        assertThat(session.lock()).isEmpty();
        assertThat(session.order()).isEmpty();
    }

    @Test
    void releasingAfterASaveSaysSoAndOnlyForTheHoldThatSaved() {
        EditLock saving = open();
        session.save(OrderDraft.of(session.order().orElseThrow()));

        session.release();
        EditLock unchanged = open();
        session.release();

        assertThat(operations.releasedAfterSave).containsExactly(saving);
        assertThat(operations.released).containsExactly(saving, unchanged);
        assertThat(operations.isHeld()).isFalse();
    }

    @Test
    void aRefusedSaveLeavesTheReleasePlain() {
        open();
        operations.failNextSave(SaveFailedException.of(new DataAccessResourceFailureException("database down")));
        session.save(OrderDraft.of(session.order().orElseThrow()));

        session.release();

        assertThat(operations.releasedAfterSave).isEmpty();
        assertThat(operations.released).hasSize(1);
    }

    @Test
    void aLockEventArrivingAfterTheReleaseIsIgnored() {
        EditLock lock = open();
        session.release();
        updates.clear();
        LockEvent released = new LockEvent.Released(RESOURCE, ALICE, lock.token(), clock.instant());
        LockEvent asked = new LockEvent.ReleaseRequested(RESOURCE, ALICE, lock.token(), BOB.user(), clock.instant());

        assertThat(session.concerns(released)).isFalse();
        assertThat(session.concerns(asked)).isFalse();
        session.onLockEvent(released);
        session.onLockEvent(asked);

        assertThat(updates).isEmpty();
    }

    @Test
    void releasingALostHoldReleasesNothingMore() {
        loseTheLock();
        int releasedBefore = operations.released.size();

        session.release();

        assertThat(operations.released).hasSize(releasedBefore);
        assertThat(updates).isEmpty();
        assertThat(session.lock()).isEmpty();
    }

    @Test
    void reacquiringAFreeUnchangedOrderHoldsAgain() {
        loseTheLock();

        EditStart start = session.reacquire();

        EditLock again = ((EditStart.Editing) start).lock();
        assertThat(updates).containsExactly(new Update.Held(again, LEASE));
        assertThat(session.holding()).isTrue();
        assertThat(session.concerns(new LockEvent.Released(RESOURCE, ALICE, again.token(), clock.instant())))
                .isTrue();
    }

    @Test
    void reacquiringAnOrderSomeoneSavedMeanwhileStaysLost() {
        loseTheLock();
        operations.savedBySomeoneElse();

        assertThatThrownBy(session::reacquire).isInstanceOf(OrderChangedException.class);

        assertThat(updates).isEmpty();
        assertThat(session.holding()).isFalse();
        assertThat(operations.isHeld()).as("the lock taken to look is let go").isFalse();
    }

    @Test
    void reacquiringAnOrderAnotherClerkHoldsStaysLost() {
        loseTheLock();
        operations.takenBy(BOB, LockLoss.Reason.EXPIRED);

        EditStart start = session.reacquire();

        assertThat(start).isInstanceOf(EditStart.LockedByOther.class);
        assertThat(updates).isEmpty();
        assertThat(session.holding()).isFalse();
    }

    @Test
    void onlyALostHoldIsTakenAgain() {
        open();

        assertThatThrownBy(session::reacquire).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSaveUnderTheLockKeepsHoldingTheSavedOrder() {
        open();
        OrderDraft draft = OrderDraft.of(session.order().orElseThrow());

        SaveOutcome outcome = session.save(draft);

        assertThat(outcome).isEqualTo(new SaveOutcome.Saved(session.order().orElseThrow()));
        assertThat(operations.saved).containsExactly(draft);
        assertThat(session.holding()).isTrue();
    }

    @Test
    void aSaveThatFindsTheLockLostLosesIt() {
        open();
        clock.advance(LEASE.plusSeconds(1));
        operations.takenBy(BOB, LockLoss.Reason.EXPIRED);

        SaveOutcome outcome = session.save(OrderDraft.of(session.order().orElseThrow()));

        LockLoss loss = new LockLoss(RESOURCE, LockLoss.Reason.EXPIRED, BOB.user(), null, clock.instant());
        assertThat(outcome).isEqualTo(new SaveOutcome.LockLost(loss));
        assertThat(updates).containsExactly(new Update.Lost(loss));
        assertThat(session.holding()).isFalse();
    }

    @Test
    void aSaveOfAnOrderSomeoneChangedKeepsHolding() {
        open();
        operations.savedBySomeoneElse();

        SaveOutcome outcome = session.save(OrderDraft.of(session.order().orElseThrow()));

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        SaveOutcome.OrderChanged.class,
                        changed -> assertThat(changed.changed().changedBy()).isEqualTo("Bob"));
        assertThat(session.holding()).isTrue();
        assertThat(updates).isEmpty();
    }

    @Test
    void aSaveWithValuesTheServerRefusesSaysWhichAndKeepsHolding() {
        open();
        InvalidOrderException refused = new InvalidOrderException(
                "OD-000042", List.of(new InvalidOrderException.InvalidValue(null, "customer", "must not be blank")));
        operations.failNextSave(refused);

        SaveOutcome outcome = session.save(OrderDraft.of(session.order().orElseThrow()));

        assertThat(outcome).isEqualTo(new SaveOutcome.Invalid(refused));
        assertThat(session.holding()).isTrue();
    }

    @Test
    void aSaveTheDatabaseDoesNotAnswerFailsAndLeavesTheHoldUnconfirmed() {
        open();
        SaveFailedException failed = SaveFailedException.of(new DataAccessResourceFailureException("no connection"));
        operations.failNextSave(failed);

        SaveOutcome outcome = session.save(OrderDraft.of(session.order().orElseThrow()));

        assertThat(outcome).isEqualTo(new SaveOutcome.Failed(failed));
        assertThat(session.holding()).isFalse();
        assertThat(session.unconfirmed()).isTrue();
        assertThat(updates).containsExactly(new Update.Unconfirmed());
    }

    @Test
    void aSaveThatFailsOtherwiseKeepsHolding() {
        open();
        SaveFailedException failed = SaveFailedException.of(new IllegalStateException("a bug"));
        operations.failNextSave(failed);

        SaveOutcome outcome = session.save(OrderDraft.of(session.order().orElseThrow()));

        assertThat(outcome).isEqualTo(new SaveOutcome.Failed(failed));
        assertThat(session.holding()).isTrue();
        assertThat(updates).isEmpty();
    }

    // While the database does not answer.

    @Test
    void aRenewalTheDatabaseDoesNotAnswerLeavesTheHoldUnconfirmed() {
        EditLock lock = open();
        clock.advance(HALF_INTERVAL);
        operations.databaseAway();

        session.renewalRequested(0);

        assertThat(updates).containsExactly(new Update.Unconfirmed());
        assertThat(session.holding()).as("nothing may claim the lock").isFalse();
        assertThat(session.unconfirmed()).isTrue();
        assertThat(session.lock()).contains(lock);
        assertThat(session.order()).isPresent();
    }

    @Test
    void wordThatTheDatabaseStoppedAnsweringLeavesTheHoldUnconfirmedOnce() {
        open();

        session.databaseUnavailable();
        session.databaseUnavailable();

        assertThat(updates).containsExactly(new Update.Unconfirmed());
        assertThat(session.unconfirmed()).isTrue();
    }

    @Test
    void wordThatTheDatabaseStoppedAnsweringChangesNothingForALostHold() {
        loseTheLock();

        session.databaseUnavailable();

        assertThat(updates).isEmpty();
        assertThat(session.unconfirmed()).isFalse();
    }

    @Test
    void keepEditingTheDatabaseDoesNotAnswerLeavesTheHoldUnconfirmed() {
        open();
        clock.advance(HALF_INTERVAL);
        operations.databaseAway();

        session.keepEditing();

        assertThat(updates).containsExactly(new Update.Unconfirmed());
    }

    @Test
    void aSaveWhileUnconfirmedIsRefusedWithoutAskingTheDatabase() {
        open();
        session.databaseUnavailable();
        operations.databaseBack();

        SaveOutcome outcome = session.save(OrderDraft.of(session.order().orElseThrow()));

        assertThat(outcome).isEqualTo(new SaveOutcome.Unconfirmed());
        assertThat(operations.saved).isEmpty();
        assertThat(operations.unanswered).isZero();
        assertThat(session.unconfirmed()).isTrue();
    }

    @Test
    void renewalsWhileTheDatabaseIsKnownAwayAskItNothing() {
        open();
        operations.databaseAway();
        session.databaseUnavailable();
        updates.clear();

        clock.advance(HALF_INTERVAL);
        session.renewalRequested(0);
        session.keepEditing();

        assertThat(operations.unanswered).isZero();
        assertThat(updates).isEmpty();
        assertThat(session.unconfirmed()).isTrue();
    }

    @Test
    void theClerkCannotAnswerARequestToReleaseWhileUnconfirmed() {
        open();
        session.databaseUnavailable();

        assertThat(session.answer(BOB.user(), ReleaseAnswer.NOT_NOW, "")).isFalse();
        assertThat(operations.answers).isEmpty();
    }

    @Test
    void warningsAndRequestsForAnUnconfirmedHoldWait() {
        EditLock lock = open();
        session.databaseUnavailable();
        updates.clear();

        session.onLockEvent(new LockEvent.Expiring(RESOURCE, ALICE, lock.token(), lock.expiresAt(), clock.instant()));
        session.onLockEvent(new LockEvent.ReleaseRequested(RESOURCE, ALICE, lock.token(), BOB.user(), clock.instant()));

        assertThat(updates).isEmpty();
        assertThat(operations.renewed).isEmpty();
    }

    @Test
    void onceTheDatabaseAnswersTheHoldIsRenewedAndConfirmed() {
        EditLock lock = open();
        operations.databaseAway();
        session.databaseUnavailable();
        clock.advance(Duration.ofSeconds(40));
        operations.databaseBack();

        session.databaseAvailable();

        EditLock renewed = lock.withExpiry(clock.instant().plus(LEASE));
        assertThat(updates).containsExactly(new Update.Unconfirmed(), new Update.Reconfirmed(renewed, LEASE));
        assertThat(session.holding()).isTrue();
        assertThat(session.lock()).contains(renewed);
        assertThat(session.save(OrderDraft.of(session.order().orElseThrow()))).isInstanceOf(SaveOutcome.Saved.class);
    }

    @Test
    void aRenewalRequestOnceTheDatabaseAnswersConfirmsTheHold() {
        open();
        operations.databaseAway();
        session.databaseUnavailable();
        clock.advance(HALF_INTERVAL);
        operations.databaseBack();

        session.renewalRequested(0);

        assertThat(updates).last().isInstanceOf(Update.Reconfirmed.class);
        assertThat(session.holding()).isTrue();
    }

    @Test
    void wordThatTheDatabaseIsBackWhileItStillDoesNotAnswerKeepsTheHoldUnconfirmed() {
        open();
        operations.databaseAway();
        session.databaseUnavailable();

        session.databaseAvailable();

        assertThat(updates).containsExactly(new Update.Unconfirmed());
        assertThat(session.unconfirmed()).isTrue();
    }

    @Test
    void aLeaseThatLapsedDuringTheOutageIsTakenAgainWhenTheOrderIsFreeAndUnchanged() {
        EditLock lock = open();
        operations.databaseAway();
        session.databaseUnavailable();
        clock.advance(LEASE.plusSeconds(1));
        operations.databaseBack();

        session.databaseAvailable();

        EditLock again = session.lock().orElseThrow();
        assertThat(again.token()).isNotEqualTo(lock.token());
        assertThat(updates).containsExactly(new Update.Unconfirmed(), new Update.Reconfirmed(again, LEASE));
        assertThat(session.holding()).isTrue();
        assertThat(operations.isHeld()).isTrue();
        assertThat(operations.released)
                .as("the lapsed hold's registration goes")
                .contains(lock);
    }

    @Test
    void theSweepersExpiryArrivingWhileUnconfirmedTakesTheLockAgainRatherThanLosingIt() {
        EditLock lock = open();
        operations.databaseAway();
        session.databaseUnavailable();
        clock.advance(LEASE.plusSeconds(1));
        operations.databaseBack();
        operations.sweepExpired();

        session.onLockEvent(new LockEvent.Expired(RESOURCE, ALICE, lock.token(), lock.expiresAt(), clock.instant()));

        assertThat(updates).last().isInstanceOf(Update.Reconfirmed.class);
        assertThat(updates).noneMatch(Update.Lost.class::isInstance);
        assertThat(session.holding()).isTrue();
    }

    @Test
    void aLockAnotherClerkTookDuringTheOutageIsLostWithTheRealReason() {
        open();
        operations.databaseAway();
        session.databaseUnavailable();
        clock.advance(LEASE.plusSeconds(1));
        operations.databaseBack();
        operations.takenBy(BOB, LockLoss.Reason.EXPIRED);

        session.databaseAvailable();

        assertThat(updates)
                .last()
                .isEqualTo(new Update.Lost(
                        new LockLoss(RESOURCE, LockLoss.Reason.EXPIRED, BOB.user(), null, clock.instant())));
        assertThat(session.holding()).isFalse();
        assertThat(session.unconfirmed()).isFalse();
        assertThat(operations.isHeld()).as("still Bob's").isTrue();
    }

    @Test
    void anOrderSomeoneSavedDuringTheOutageIsLostAndNotTakenAgain() {
        open();
        operations.databaseAway();
        session.databaseUnavailable();
        clock.advance(LEASE.plusSeconds(1));
        operations.databaseBack();
        operations.savedBySomeoneElse();

        session.databaseAvailable();

        assertThat(updates).last().isInstanceOf(Update.Lost.class);
        assertThat(session.holding()).isFalse();
        assertThat(operations.isHeld()).isFalse();
    }

    @Test
    void anIdleClerksUnconfirmedHoldIsCheckedButNotRenewed() {
        open();
        idleForMoreThanTheIdleTimeout();
        EditLock lock = session.lock().orElseThrow();
        session.databaseUnavailable();

        session.databaseAvailable();

        assertThat(updates)
                .containsExactly(new Update.Unconfirmed(), new Update.Reconfirmed(lock, session.remaining()));
        assertThat(operations.renewed).isEmpty();
    }

    @Test
    void aResynchronisationOnceTheDatabaseAnswersConfirmsAnUnconfirmedHold() {
        open();
        session.databaseUnavailable();

        session.resynchronise();

        assertThat(updates).last().isInstanceOf(Update.Reconfirmed.class);
    }

    @Test
    void releasingAnUnconfirmedHoldWhileTheDatabaseIsAwayForgetsItAndLeavesTheLeaseToLapse() {
        open();
        operations.databaseAway();
        session.databaseUnavailable();

        session.release();

        assertThat(updates).containsExactly(new Update.Unconfirmed(), new Update.Released());
        assertThat(session.lock()).isEmpty();
        assertThat(session.unconfirmed()).isFalse();
    }

    @Test
    void savingNeedsTheLock() {
        loseTheLock();

        assertThatThrownBy(() -> session.save(OrderDraft.of(SampleOrders.acmeOrder())))
                .isInstanceOf(IllegalStateException.class);
    }

    /**
     * The browser keeps renewing, saying each time that the clerk last acted when the hold began,
     * until that is longer ago than the idle timeout; forgets the renewals that went through.
     */
    private void idleForMoreThanTheIdleTimeout() {
        Instant began = clock.instant();
        for (int renewal = 0; renewal < 3; renewal++) {
            clock.advance(Duration.ofSeconds(101));
            session.renewalRequested(Duration.between(began, clock.instant()).toMillis());
        }
        assertThat(updates).hasSize(2).allMatch(Update.Renewed.class::isInstance);
        updates.clear();
        operations.renewed.clear();
    }

    /** Opens the order as Alice; forgets the update that said so. */
    private EditLock open() {
        EditLock lock = ((EditStart.Editing) session.open(ORDER, "alices-session")).lock();
        updates.clear();
        return lock;
    }

    /** Lets Alice's lease lapse while nobody takes the lock; forgets the updates that said so. */
    private void loseTheLock() {
        EditLock lock = open();
        clock.advance(LEASE.plusSeconds(1));
        session.onLockEvent(new LockEvent.Expired(RESOURCE, ALICE, lock.token(), lock.expiresAt(), clock.instant()));
        assertThat(updates).singleElement().isInstanceOf(Update.Lost.class);
        updates.clear();
    }
}
