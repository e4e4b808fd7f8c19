package org.orderdesk.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.orderdesk.lock.LockTestData.ALICE;
import static org.orderdesk.lock.LockTestData.BOB;
import static org.orderdesk.lock.LockTestData.CAROL;
import static org.orderdesk.lock.LockTestData.SAM;
import static org.orderdesk.lock.LockTestData.tabOf;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.orderdesk.lock.AcquireOutcome.Acquired;
import org.orderdesk.lock.AcquireOutcome.HeldByOther;
import org.orderdesk.lock.AcquireOutcome.HeldBySameUser;
import org.orderdesk.lock.RenewOutcome.Lost;
import org.orderdesk.lock.RenewOutcome.Renewed;
import org.springframework.security.access.AccessDeniedException;

/**
 * One test per outcome of the lock API, on a real database and a clock the tests move. Each
 * database the engine supports runs it through a subclass that only says which database.
 */
abstract class LockServiceContract extends LockEngineTest {

    private static final ResourceId ORDER_42 = ResourceId.order(42);
    private static final Duration LEASE = Duration.ofSeconds(120);

    final LockHolder aliceTab = tabOf(ALICE);
    final LockHolder aliceOtherTab = tabOf(ALICE);
    final LockHolder bobTab = tabOf(BOB);
    final LockHolder samTab = tabOf(SAM);

    private Acquired acquire(LockHolder holder) {
        return (Acquired) locks.acquire(ORDER_42, holder);
    }

    @Test
    void aFreeOrderIsAcquiredForOneLease() {
        Instant now = clock.instant();

        AcquireOutcome outcome = locks.acquire(ORDER_42, aliceTab);

        assertThat(outcome).isInstanceOfSatisfying(Acquired.class, acquired -> {
            assertThat(acquired.acquiredAt()).isEqualTo(now);
            assertThat(acquired.expiresAt()).isEqualTo(now.plus(LEASE));
        });
        assertThat(locks.find(ORDER_42))
                .hasValueSatisfying(lock -> assertThat(lock.holder()).isEqualTo(aliceTab));
        assertThat(events.all()).singleElement().isInstanceOf(LockEvent.Acquired.class);
    }

    @Test
    void anOrderHeldByAnotherUserSaysWhoAndUntilWhen() {
        Acquired alices = acquire(aliceTab);
        clock.advance(Duration.ofSeconds(30));

        AcquireOutcome outcome = locks.acquire(ORDER_42, bobTab);

        assertThat(outcome).isEqualTo(new HeldByOther(ALICE, alices.acquiredAt(), alices.expiresAt()));
        assertThat(locks.find(ORDER_42).orElseThrow().holder()).isEqualTo(aliceTab);
    }

    @Test
    void theSameUserInAnotherTabIsToldApart() {
        Acquired first = acquire(aliceTab);

        AcquireOutcome outcome = locks.acquire(ORDER_42, aliceOtherTab);

        assertThat(outcome).isEqualTo(new HeldBySameUser(aliceTab.holderKey(), first.acquiredAt(), first.expiresAt()));
    }

    @Test
    void theSameHolderKeyAcquiringAgainKeepsItsTokenAndExtendsTheLease() {
        Acquired first = acquire(aliceTab);
        clock.advance(Duration.ofSeconds(50));

        Acquired again = acquire(aliceTab);

        assertThat(again.token()).isEqualTo(first.token());
        assertThat(again.expiresAt()).isEqualTo(clock.instant().plus(LEASE));
    }

    @Test
    void anExpiredLockGoesToTheNextClerkUnderAGreaterToken() {
        Acquired alices = acquire(aliceTab);
        clock.advance(LEASE);

        AcquireOutcome outcome = locks.acquire(ORDER_42, bobTab);

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        Acquired.class, bobs -> assertThat(bobs.token()).isGreaterThan(alices.token()));
        assertThat(events.of(LockEvent.Expired.class))
                .singleElement()
                .satisfies(expired -> assertThat(expired.holder()).isEqualTo(aliceTab));
    }

    @Test
    void fencingTokensIncreaseAcrossAllOrders() {
        long previous = 0;
        for (int orderId = 1; orderId <= 20; orderId++) {
            Acquired acquired = (Acquired) locks.acquire(ResourceId.order(orderId), aliceTab);
            assertThat(acquired.token()).isGreaterThan(previous);
            previous = acquired.token();
        }
    }

    @Test
    void theHolderExtendsItsLeaseFromNow() {
        Acquired acquired = acquire(aliceTab);
        clock.advance(Duration.ofSeconds(30));

        RenewOutcome outcome = locks.renew(ORDER_42, aliceTab.holderKey(), acquired.token());

        assertThat(outcome).isEqualTo(new Renewed(clock.instant().plus(LEASE)));
        assertThat(events.of(LockEvent.Renewed.class)).hasSize(1);
    }

    @Test
    void aLapsedLeaseNobodyTookIsRevivedUnderTheSameToken() {
        Acquired acquired = acquire(aliceTab);
        clock.advance(LEASE.plusSeconds(10));

        RenewOutcome outcome = locks.renew(ORDER_42, aliceTab.holderKey(), acquired.token());

        assertThat(outcome).isEqualTo(new Renewed(clock.instant().plus(LEASE)));
        assertThat(locks.find(ORDER_42).orElseThrow().token()).isEqualTo(acquired.token());
    }

    @Test
    void afterExpiryAndAnotherClerkAcquiringItIsLostToThem() {
        Acquired alices = acquire(aliceTab);
        clock.advance(LEASE);
        acquire(bobTab);

        RenewOutcome outcome = locks.renew(ORDER_42, aliceTab.holderKey(), alices.token());

        assertThat(lossOf(outcome)).satisfies(loss -> {
            assertThat(loss.reason()).isEqualTo(LockLoss.Reason.EXPIRED);
            assertThat(loss.by()).isEqualTo(BOB);
            assertThat(loss.message()).startsWith("Lock lost to Bob");
        });
    }

    @Test
    void afterExpiryItNamesTheClerkWhoTookItEvenWhenSomeoneElseHoldsItNow() {
        Acquired alices = acquire(aliceTab);
        clock.advance(LEASE);
        acquire(bobTab);
        takeOver(ORDER_42, samTab, "Bob is at lunch");

        LockLoss loss = whatAlicesRenewalSays(alices);

        assertThat(loss.by()).isEqualTo(BOB);
    }

    @Test
    void afterASupervisorTookOverItSaysWhoAndWhy() {
        Acquired alices = acquire(aliceTab);
        takeOver(ORDER_42, samTab, "Customer on the phone");

        LockLoss loss = whatAlicesRenewalSays(alices);

        assertThat(loss.reason()).isEqualTo(LockLoss.Reason.TAKEN_OVER);
        assertThat(loss.by()).isEqualTo(SAM);
        assertThat(loss.message())
                .isEqualTo("Lock lost to Sam: Sam took over order 42 (reason: Customer on the phone)");
    }

    @Test
    void afterTheSameClerkMovedToAnotherTabItSaysSo() {
        Acquired first = acquire(aliceTab);
        takeOver(ORDER_42, aliceOtherTab, null);

        LockLoss loss = whatAlicesRenewalSays(first);

        assertThat(loss.reason()).isEqualTo(LockLoss.Reason.MOVED);
        assertThat(loss.message()).startsWith("Lock moved to your other tab");
    }

    @Test
    void afterASupervisorBrokeItSaysWhoAndWhy() {
        Acquired alices = acquire(aliceTab);
        breakLock(ORDER_42, SAM, "Alice went home");

        LockLoss loss = whatAlicesRenewalSays(alices);

        assertThat(loss.reason()).isEqualTo(LockLoss.Reason.BROKEN);
        assertThat(loss.by()).isEqualTo(SAM);
        assertThat(loss.comment()).isEqualTo("Alice went home");
    }

    @Test
    void afterReleaseItSaysReleased() {
        Acquired alices = acquire(aliceTab);
        locks.release(ORDER_42, aliceTab.holderKey(), alices.token());

        LockLoss loss = whatAlicesRenewalSays(alices);

        assertThat(loss.reason()).isEqualTo(LockLoss.Reason.RELEASED);
        assertThat(locks.find(ORDER_42)).isEmpty();
    }

    @Test
    void aForgedHolderKeyRenewsNothing() {
        Acquired alices = acquire(aliceTab);
        clock.advance(Duration.ofSeconds(100));

        RenewOutcome outcome = locks.renew(ORDER_42, bobTab.holderKey(), alices.token());

        assertThat(outcome).isInstanceOf(Lost.class);
        assertThat(locks.find(ORDER_42).orElseThrow().expiresAt()).isEqualTo(alices.expiresAt());
    }

    /** The loss Alice's editor is told of when it renews the hold of {@code alices} on order 42. */
    private LockLoss whatAlicesRenewalSays(Acquired alices) {
        return lossOf(locks.renew(ORDER_42, aliceTab.holderKey(), alices.token()));
    }

    private LockLoss lossOf(RenewOutcome outcome) {
        assertThat(outcome).isInstanceOf(Lost.class);
        return ((Lost) outcome).loss();
    }

    @Test
    void theHolderReleasesAndTheOrderIsFree() {
        Acquired alices = acquire(aliceTab);

        assertThat(locks.release(ORDER_42, aliceTab.holderKey(), alices.token()))
                .isTrue();

        assertThat(locks.find(ORDER_42)).isEmpty();
        assertThat(locks.acquire(ORDER_42, bobTab)).isInstanceOf(Acquired.class);
        assertThat(events.of(LockEvent.Released.class)).hasSize(1);
    }

    @Test
    void aStaleTokenOrAnotherHolderKeyReleasesNothing() {
        Acquired alices = acquire(aliceTab);

        assertThat(locks.release(ORDER_42, aliceTab.holderKey(), alices.token() + 1))
                .isFalse();
        assertThat(locks.release(ORDER_42, bobTab.holderKey(), alices.token())).isFalse();

        assertThat(locks.find(ORDER_42).orElseThrow().holder()).isEqualTo(aliceTab);
        assertThat(events.of(LockEvent.Released.class)).isEmpty();
    }

    @Test
    void theSameClerkMovesEditingToAnotherTabWithoutAReason() {
        Acquired first = acquire(aliceTab);

        Acquired moved = takeOver(ORDER_42, aliceOtherTab, null);

        assertThat(moved.token()).isGreaterThan(first.token());
        assertThat(locks.find(ORDER_42).orElseThrow().holder()).isEqualTo(aliceOtherTab);
        assertThat(events.of(LockEvent.TakenOver.class)).singleElement().satisfies(event -> {
            assertThat(event.previousHolder()).isEqualTo(aliceTab);
            assertThat(event.newHolder()).isEqualTo(aliceOtherTab);
        });
    }

    @Test
    void aSupervisorTakesOverWithAReason() {
        acquire(aliceTab);

        takeOver(ORDER_42, samTab, "Urgent change");

        assertThat(locks.find(ORDER_42).orElseThrow().holder()).isEqualTo(samTab);
        assertThat(events.of(LockEvent.TakenOver.class))
                .singleElement()
                .satisfies(event -> assertThat(event.reason()).isEqualTo("Urgent change"));
    }

    @Test
    void aSupervisorMustGiveAReason() {
        acquire(aliceTab);

        assertThatThrownBy(() -> takeOver(ORDER_42, samTab, "  "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A reason is required");
        assertThat(locks.find(ORDER_42).orElseThrow().holder()).isEqualTo(aliceTab);
    }

    @Test
    void aClerkCannotTakeOverAnotherClerksLock() {
        acquire(aliceTab);

        assertThatThrownBy(() -> takeOver(ORDER_42, bobTab, "I need it"))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("only supervisors");

        assertThat(locks.find(ORDER_42).orElseThrow().holder()).isEqualTo(aliceTab);
        assertThat(events.of(LockEvent.TakenOver.class)).isEmpty();
    }

    @Test
    void aClerkClaimingASupervisorsNameIsCheckedAgainstTheDatabase() {
        acquire(aliceTab);
        LockHolder forged = new LockHolder("bob", "Sam", "forged-tab");

        assertThatThrownBy(() -> takeOver(ORDER_42, forged, "trust me")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void movingEditingHereTakesTheLockFromTheSameClerksOtherTab() {
        Acquired first = acquire(aliceTab);

        AcquireOutcome moved = takeOvers.moveHere(ORDER_42, aliceOtherTab);

        assertThat(moved)
                .isInstanceOfSatisfying(
                        Acquired.class, acquired -> assertThat(acquired.token()).isGreaterThan(first.token()));
        assertThat(locks.find(ORDER_42).orElseThrow().holder()).isEqualTo(aliceOtherTab);
        assertThat(events.of(LockEvent.TakenOver.class))
                .singleElement()
                .satisfies(event -> assertThat(event.previousHolder()).isEqualTo(aliceTab));
    }

    @Test
    void movingEditingHereLeavesAnotherClerksLockAlone() {
        acquire(aliceTab);
        clock.advance(LEASE.plusSeconds(1));
        acquire(bobTab);

        AcquireOutcome moved = takeOvers.moveHere(ORDER_42, aliceOtherTab);

        assertThat(moved)
                .isInstanceOfSatisfying(
                        AcquireOutcome.HeldByOther.class,
                        other -> assertThat(other.holder()).isEqualTo(BOB));
        assertThat(locks.find(ORDER_42).orElseThrow().holder()).isEqualTo(bobTab);
        assertThat(events.of(LockEvent.TakenOver.class)).isEmpty();
    }

    @Test
    void takingOverAFreeOrderSimplyAcquiresIt() {
        Acquired acquired = takeOver(ORDER_42, bobTab, null);

        assertThat(locks.find(ORDER_42).orElseThrow().token()).isEqualTo(acquired.token());
    }

    @Test
    void aSupervisorBreaksALockWithAReason() {
        acquire(aliceTab);

        assertThat(breakLock(ORDER_42, SAM, "Stuck since yesterday")).isTrue();

        assertThat(locks.find(ORDER_42)).isEmpty();
        assertThat(events.of(LockEvent.Broken.class)).singleElement().satisfies(broken -> {
            assertThat(broken.holder()).isEqualTo(aliceTab);
            assertThat(broken.brokenBy()).isEqualTo(SAM);
            assertThat(broken.reason()).isEqualTo("Stuck since yesterday");
        });
    }

    @Test
    void aClerkCannotBreakALock() {
        acquire(aliceTab);

        assertThatThrownBy(() -> breakLock(ORDER_42, BOB, "mine now")).isInstanceOf(AccessDeniedException.class);

        assertThat(locks.find(ORDER_42)).isPresent();
    }

    @Test
    void breakingTheHoldASupervisorSawSparesTheNextHolder() {
        Acquired alices = acquire(aliceTab);
        locks.release(ORDER_42, aliceTab.holderKey(), alices.token());
        Acquired bobs = acquire(bobTab);

        assertThat(breaks.breakLock(ORDER_42, alices.token(), SAM, "Alice went home"))
                .isFalse();
        assertThat(locks.find(ORDER_42))
                .hasValueSatisfying(lock -> assertThat(lock.token()).isEqualTo(bobs.token()));

        assertThat(breaks.breakLock(ORDER_42, bobs.token(), SAM, "Bob went home"))
                .isTrue();
        assertThat(locks.find(ORDER_42)).isEmpty();
    }

    @Test
    void breakingNeedsAReasonAndAnExistingLock() {
        assertThatThrownBy(() -> breakLock(ORDER_42, SAM, "")).isInstanceOf(IllegalArgumentException.class);
        assertThat(breakLock(ORDER_42, SAM, "nothing there")).isFalse();
    }

    @Test
    void theHolderIsAskedAndNothingElseChanges() {
        Acquired alices = acquire(aliceTab);

        assertThat(releaseRequests.requestRelease(ORDER_42, BOB)).isEqualTo(new ReleaseRequest.Sent(ALICE));

        assertThat(events.of(LockEvent.ReleaseRequested.class)).singleElement().satisfies(request -> {
            assertThat(request.holder()).isEqualTo(aliceTab);
            assertThat(request.requester()).isEqualTo(BOB);
        });
        assertThat(locks.find(ORDER_42).orElseThrow().token()).isEqualTo(alices.token());
    }

    @Test
    void thereIsNobodyToAskWhenTheOrderIsFreeOrYourOwn() {
        assertThat(releaseRequests.requestRelease(ORDER_42, BOB)).isInstanceOf(ReleaseRequest.NobodyToAsk.class);
        acquire(bobTab);
        assertThat(releaseRequests.requestRelease(ORDER_42, BOB)).isInstanceOf(ReleaseRequest.NobodyToAsk.class);
        assertThat(events.of(LockEvent.ReleaseRequested.class)).isEmpty();
    }

    @Test
    void aRequesterAsksAboutTheSameResourceAtMostOncePerInterval() {
        acquire(aliceTab);
        locks.acquire(ResourceId.order(7), aliceTab);
        Instant firstAsked = clock.instant();
        assertThat(releaseRequests.requestRelease(ORDER_42, BOB)).isInstanceOf(ReleaseRequest.Sent.class);

        clock.advance(Duration.ofSeconds(59));
        assertThat(releaseRequests.requestRelease(ORDER_42, BOB))
                .isEqualTo(new ReleaseRequest.TooSoon(ALICE, firstAsked.plusSeconds(60)));
        // Another resource, and another requester, are counted apart.
        assertThat(releaseRequests.requestRelease(ResourceId.order(7), BOB)).isInstanceOf(ReleaseRequest.Sent.class);
        assertThat(releaseRequests.requestRelease(ORDER_42, CAROL)).isInstanceOf(ReleaseRequest.Sent.class);

        clock.advance(Duration.ofSeconds(1));
        assertThat(releaseRequests.requestRelease(ORDER_42, BOB)).isInstanceOf(ReleaseRequest.Sent.class);
        assertThat(events.of(LockEvent.ReleaseRequested.class)).hasSize(4);
    }

    @Test
    void currentLocksListsLiveLocksOnly() {
        acquire(aliceTab);
        clock.advance(Duration.ofSeconds(60));
        locks.acquire(ResourceId.order(7), bobTab);
        clock.advance(Duration.ofSeconds(61));

        assertThat(locks.currentLocks())
                .extracting(LockInfo::resource, lock -> lock.holder().user())
                .containsExactly(tuple(ResourceId.order(7), BOB));
    }

    // The waiting line and the reservation of its first clerk.

    private static final Duration RESERVATION = Duration.ofSeconds(30);
    private static final LockUser DAVE = new LockUser("dave", "Dave");

    final LockHolder carolTab = tabOf(CAROL);
    final LockHolder daveTab = tabOf(DAVE);

    /** Bob, then Carol, join the line for order 42, which Alice holds; each from a session of their own. */
    private Acquired aliceHoldsWhileBobThenCarolWait() {
        Acquired alices = acquire(aliceTab);
        assertThat(lines.join(ORDER_42, BOB, "bobs-session")).isEqualTo(new JoinOutcome.InLine(1));
        assertThat(lines.join(ORDER_42, CAROL, "carols-session")).isEqualTo(new JoinOutcome.InLine(2));
        return alices;
    }

    private void release(LockHolder holder, Acquired held) {
        assertThat(locks.release(ORDER_42, holder.holderKey(), held.token())).isTrue();
    }

    @Test
    void clerksJoinTheLineInTheOrderTheyAskAndJoiningAgainKeepsThePlace() {
        aliceHoldsWhileBobThenCarolWait();

        assertThat(lines.join(ORDER_42, BOB, "bobs-other-session")).isEqualTo(new JoinOutcome.InLine(1));
        assertThat(lines.placeOf(ORDER_42, "carol")).hasValue(2);
        assertThat(lines.placeOf(ORDER_42, "dave")).isEmpty();
        assertThat(events.of(LockEvent.JoinedLine.class))
                .extracting(LockEvent.JoinedLine::waiter)
                .containsExactly(BOB, CAROL);
    }

    @Test
    void thereIsNoLineForAFreeOrderNorForYourOwn() {
        assertThat(lines.join(ORDER_42, BOB, "bobs-session")).isEqualTo(new JoinOutcome.Free());
        acquire(aliceTab);

        assertThat(lines.join(ORDER_42, ALICE, "alices-session")).isEqualTo(new JoinOutcome.HeldByYou());
        assertThat(lines.placeOf(ORDER_42, "alice")).isEmpty();
    }

    @Test
    void whenTheHolderReleasesOnlyTheFirstInLineMayAcquireDuringTheReservation() {
        Acquired alices = aliceHoldsWhileBobThenCarolWait();
        clock.advance(Duration.ofSeconds(10));
        Instant released = clock.instant();

        release(aliceTab, alices);

        assertThat(events.of(LockEvent.Reserved.class)).singleElement().satisfies(reserved -> {
            assertThat(reserved.user()).isEqualTo(BOB);
            assertThat(reserved.expiresAt()).isEqualTo(released.plus(RESERVATION));
            assertThat(reserved.reservation()).isGreaterThan(alices.token());
        });
        assertThat(lines.reservation(ORDER_42))
                .hasValueSatisfying(r -> assertThat(r.user()).isEqualTo(BOB));
        assertThat(lines.placeOf(ORDER_42, "carol"))
                .as("Bob's turn came: Carol is next")
                .hasValue(1);
        AcquireOutcome.Reserved forBob = new AcquireOutcome.Reserved(BOB, released.plus(RESERVATION));
        assertThat(locks.acquire(ORDER_42, carolTab)).isEqualTo(forBob);
        assertThat(locks.acquire(ORDER_42, daveTab)).isEqualTo(forBob);
        assertThat(locks.acquire(ORDER_42, aliceTab)).isEqualTo(forBob);
        assertThat(locks.find(ORDER_42)).isEmpty();

        clock.advance(Duration.ofSeconds(29));
        Acquired bobs = acquire(bobTab);

        assertThat(bobs.token())
                .isGreaterThan(events.of(LockEvent.Reserved.class).getFirst().reservation());
        assertThat(lines.reservation(ORDER_42)).isEmpty();
        assertThat(events.of(LockEvent.ReservationEnded.class))
                .singleElement()
                .satisfies(ended -> assertThat(ended.how()).isEqualTo(LockEvent.Ending.USED));
        assertThat(auditActions())
                .containsExactly(LockAction.ACQUIRED, LockAction.RELEASED, LockAction.RESERVED, LockAction.ACQUIRED);
    }

    @Test
    void aDeclinedReservationGoesToTheNextInLine() {
        release(aliceTab, aliceHoldsWhileBobThenCarolWait());

        assertThat(lines.leave(ORDER_42, BOB)).isTrue();

        assertThat(lines.reservation(ORDER_42))
                .hasValueSatisfying(r -> assertThat(r.user()).isEqualTo(CAROL));
        assertThat(locks.acquire(ORDER_42, bobTab)).isInstanceOf(AcquireOutcome.Reserved.class);
        assertThat(auditPage(AuditFilter.order(42), org.springframework.data.domain.PageRequest.of(0, 2))
                        .getContent())
                .extracting(LockAuditEntry::action, LockAuditEntry::holder, LockAuditEntry::actor)
                .containsExactly(
                        tuple(LockAction.RESERVED, CAROL, null), tuple(LockAction.RESERVATION_DECLINED, BOB, BOB));
    }

    @Test
    void aLapsedReservationIsPassedOnByTheSweeperAndTheLastOneFreesTheOrder() {
        release(aliceTab, aliceHoldsWhileBobThenCarolWait());

        clock.advance(RESERVATION.minusSeconds(1));
        assertThat(sweeper.sweep().lapsed()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(sweeper.sweep().lapsed()).isEqualTo(1);

        assertThat(lines.reservation(ORDER_42))
                .hasValueSatisfying(r -> assertThat(r.user()).isEqualTo(CAROL));
        assertThat(locks.acquire(ORDER_42, bobTab)).isInstanceOf(AcquireOutcome.Reserved.class);

        clock.advance(RESERVATION);
        assertThat(sweeper.sweep().lapsed()).isEqualTo(1);
        assertThat(lines.reservation(ORDER_42)).isEmpty();
        assertThat(locks.acquire(ORDER_42, daveTab)).isInstanceOf(Acquired.class);
        assertThat(events.of(LockEvent.ReservationEnded.class))
                .extracting(LockEvent.ReservationEnded::user, LockEvent.ReservationEnded::how)
                .containsExactly(tuple(BOB, LockEvent.Ending.LAPSED), tuple(CAROL, LockEvent.Ending.LAPSED));
    }

    @Test
    void aReservationThatLapsedUnsweptIsPassedOnByTheNextAcquire() {
        release(aliceTab, aliceHoldsWhileBobThenCarolWait());
        clock.advance(RESERVATION);

        assertThat(locks.acquire(ORDER_42, daveTab)).isInstanceOf(AcquireOutcome.Reserved.class);
        assertThat(lines.reservation(ORDER_42))
                .hasValueSatisfying(r -> assertThat(r.user()).isEqualTo(CAROL));

        clock.advance(RESERVATION);
        assertThat(locks.acquire(ORDER_42, daveTab)).as("nobody waits any more").isInstanceOf(Acquired.class);
    }

    @Test
    void theNextInLineFindingTheReservationLapsedTakesTheOrderAtOnce() {
        release(aliceTab, aliceHoldsWhileBobThenCarolWait());
        clock.advance(RESERVATION);

        assertThat(locks.acquire(ORDER_42, carolTab)).isInstanceOf(Acquired.class);
        assertThat(lines.placeOf(ORDER_42, "carol")).isEmpty();
    }

    @Test
    void anExpiredLeaseGoesToTheFirstInLineNotToWhoeverFindsItFirst() {
        aliceHoldsWhileBobThenCarolWait();
        clock.advance(LEASE);

        assertThat(locks.acquire(ORDER_42, daveTab))
                .isEqualTo(new AcquireOutcome.Reserved(BOB, clock.instant().plus(RESERVATION)));
        assertThat(losses.lossOf(
                        ORDER_42, events.of(LockEvent.Expired.class).getFirst().token()))
                .hasValueSatisfying(
                        loss -> assertThat(loss.by()).as("nobody took it yet").isNull());
        assertThat(locks.acquire(ORDER_42, bobTab)).isInstanceOf(Acquired.class);
    }

    @Test
    void aLeaseTheSweeperEndsGoesToTheFirstInLine() {
        aliceHoldsWhileBobThenCarolWait();
        clock.advance(LEASE);

        assertThat(sweeper.sweep().expired()).isEqualTo(1);

        assertThat(lines.reservation(ORDER_42))
                .hasValueSatisfying(r -> assertThat(r.user()).isEqualTo(BOB));
    }

    @Test
    void aBrokenLockGoesToTheFirstInLine() {
        aliceHoldsWhileBobThenCarolWait();

        assertThat(breakLock(ORDER_42, SAM, "Alice went home")).isTrue();

        assertThat(lines.reservation(ORDER_42))
                .hasValueSatisfying(r -> assertThat(r.user()).isEqualTo(BOB));
    }

    @Test
    void aSupervisorTakesOverAheadOfTheLineWhichThenWaitsForThem() {
        aliceHoldsWhileBobThenCarolWait();

        Acquired sams = takeOver(ORDER_42, samTab, "Customer on the phone");

        assertThat(lines.placeOf(ORDER_42, "bob")).hasValue(1);
        assertThat(lines.placeOf(ORDER_42, "carol")).hasValue(2);
        release(samTab, sams);
        assertThat(lines.reservation(ORDER_42))
                .hasValueSatisfying(r -> assertThat(r.user()).isEqualTo(BOB));
    }

    @Test
    void aSupervisorTakingOverAReservedOrderVoidsTheReservationAndPutsItsClerkFirstAgain() {
        release(aliceTab, aliceHoldsWhileBobThenCarolWait());

        Acquired sams = takeOver(ORDER_42, samTab, "Month-end close");

        assertThat(lines.reservation(ORDER_42)).isEmpty();
        assertThat(lines.placeOf(ORDER_42, "bob")).hasValue(1);
        assertThat(lines.placeOf(ORDER_42, "carol")).hasValue(2);
        assertThat(events.of(LockEvent.ReservationEnded.class)).singleElement().satisfies(ended -> {
            assertThat(ended.how()).isEqualTo(LockEvent.Ending.VOIDED);
            assertThat(ended.by()).isEqualTo(SAM);
        });
        assertThat(auditActions()).contains(LockAction.RESERVATION_VOIDED);
        release(samTab, sams);
        assertThat(lines.reservation(ORDER_42))
                .hasValueSatisfying(r -> assertThat(r.user()).isEqualTo(BOB));
    }

    @Test
    void aClerkMovingTabsOrTakingOverAFreeOrderWaitsForTheirTurn() {
        release(aliceTab, aliceHoldsWhileBobThenCarolWait());

        assertThat(takeOvers.moveHere(ORDER_42, carolTab)).isInstanceOf(AcquireOutcome.Reserved.class);
        assertThat(takeOvers.takeOver(ORDER_42, 0, daveTab, null)).isInstanceOf(AcquireOutcome.Reserved.class);
        assertThat(lines.reservation(ORDER_42))
                .hasValueSatisfying(r -> assertThat(r.user()).isEqualTo(BOB));
    }

    @Test
    void theEndOfTheSessionAClerkWaitedFromTakesThemOutOfEveryLine() {
        release(aliceTab, aliceHoldsWhileBobThenCarolWait());
        locks.acquire(ResourceId.order(43), aliceTab);
        lines.join(ResourceId.order(43), BOB, "bobs-session");
        lines.join(ResourceId.order(43), CAROL, "carols-session");

        assertThat(lines.leaveAll("bobs-session")).isEqualTo(2);

        assertThat(lines.reservation(ORDER_42))
                .hasValueSatisfying(r -> assertThat(r.user()).isEqualTo(CAROL));
        assertThat(lines.placeOf(ResourceId.order(43), "carol")).hasValue(1);
        assertThat(lines.leaveAll("bobs-session")).isZero();
    }

    @Test
    void aSessionWithANewIdKeepsItsPlaces() {
        aliceHoldsWhileBobThenCarolWait();

        lines.rekey("bobs-session", "bobs-new-session");

        assertThat(lines.leaveAll("bobs-session")).isZero();
        assertThat(lines.leaveAll("bobs-new-session")).isEqualTo(1);
        assertThat(lines.placeOf(ORDER_42, "carol")).hasValue(1);
    }

    private java.util.List<LockAction> auditActions() {
        return auditPage(AuditFilter.order(42), org.springframework.data.domain.PageRequest.of(0, 100))
                .getContent()
                .reversed()
                .stream()
                .map(LockAuditEntry::action)
                .toList();
    }
}
