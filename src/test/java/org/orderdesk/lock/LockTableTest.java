package org.orderdesk.lock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A view subscribes first and loads second; what it loads must not undo what events told it. */
class LockTableTest {

    private static final ResourceId OD_42 = ResourceId.order(42);
    private static final LockHolder ALICE = new LockHolder("alice", "Alice", "alices-tab");
    private static final LockHolder BOB = new LockHolder("bob", "Bob", "bobs-tab");
    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");

    @Test
    void aSnapshotReadBeforeAReleaseDoesNotBringTheLockBack() {
        LockInfo alices = lock(ALICE, 7);
        LockTable table = new LockTable(List.of());

        table.apply(new LockEvent.Released(OD_42, ALICE, 7, T0.plusSeconds(5)));
        table.load(List.of(alices));

        assertThat(table.all()).isEmpty();
    }

    @Test
    void aSnapshotReadBeforeANewHolderDoesNotReplaceThem() {
        LockTable table = new LockTable(List.of());

        table.apply(new LockEvent.TakenOver(
                OD_42, ALICE, 7, BOB, 8, T0.plusSeconds(130), "Alice went home", T0.plusSeconds(10)));
        table.load(List.of(lock(ALICE, 7)));

        assertThat(table.all()).extracting(LockInfo::token).containsExactly(8L);
    }

    @Test
    void aSnapshotFillsInLocksNoEventHasMentioned() {
        LockTable table = new LockTable(List.of());

        table.apply(new LockEvent.Acquired(OD_42, BOB, 9, T0.plusSeconds(120), T0));
        table.load(List.of(lock(ALICE, 3, ResourceId.order(43))));

        assertThat(table.all()).extracting(LockInfo::token).containsExactlyInAnyOrder(9L, 3L);
    }

    @Test
    void aReservationReplacesTheHoldItFollowsAndAHoldReplacesTheReservationItFollows() {
        LockTable table = new LockTable(List.of(lock(ALICE, 7)));

        // Alice releases, the order is reserved for Bob (8), who takes it (9): the events come late and out of order.
        assertThat(table.apply(new LockEvent.Reserved(OD_42, BOB.user(), 8, T0.plusSeconds(40), T0.plusSeconds(10))))
                .isTrue();
        assertThat(table.find(OD_42)).isEmpty();
        assertThat(table.findReservation(OD_42))
                .hasValueSatisfying(r -> assertThat(r.user()).isEqualTo(BOB.user()));

        table.apply(new LockEvent.Acquired(OD_42, BOB, 9, T0.plusSeconds(140), T0.plusSeconds(20)));
        table.apply(new LockEvent.Released(OD_42, ALICE, 7, T0.plusSeconds(10)));
        table.apply(new LockEvent.Reserved(OD_42, BOB.user(), 8, T0.plusSeconds(40), T0.plusSeconds(10)));

        assertThat(table.findReservation(OD_42)).isEmpty();
        assertThat(table.find(OD_42))
                .hasValueSatisfying(lock -> assertThat(lock.token()).isEqualTo(9));
    }

    @Test
    void aReservationThatEndedBeforeItsNewsArrivedStaysEnded() {
        LockTable table = new LockTable(List.of());

        table.apply(new LockEvent.ReservationEnded(
                OD_42, BOB.user(), 8, LockEvent.Ending.LAPSED, null, T0.plusSeconds(40)));
        table.loadReservations(List.of(new Reservation(OD_42, BOB.user(), 8, T0, T0.plusSeconds(30))));
        table.apply(new LockEvent.Reserved(OD_42, BOB.user(), 8, T0.plusSeconds(30), T0));

        assertThat(table.findReservation(OD_42)).isEmpty();
    }

    private static LockInfo lock(LockHolder holder, long token) {
        return lock(holder, token, OD_42);
    }

    private static LockInfo lock(LockHolder holder, long token, ResourceId resource) {
        return new LockInfo(resource, holder, token, T0, T0, T0.plus(Duration.ofSeconds(120)), false);
    }
}
