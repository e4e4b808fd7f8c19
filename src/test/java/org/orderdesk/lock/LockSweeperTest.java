package org.orderdesk.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orderdesk.lock.LockTestData.ALICE;
import static org.orderdesk.lock.LockTestData.tabOf;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.orderdesk.IntegrationTest;
import org.orderdesk.lock.AcquireOutcome.Acquired;
import org.springframework.data.domain.PageRequest;

/** Expiry warnings once per lease, and expired locks removed exactly once, even by racing sweepers. */
@IntegrationTest
class LockSweeperTest extends LockEngineTest {

    private static final ResourceId ORDER_42 = ResourceId.order(42);
    private static final int RACED_LOCKS = 200;

    @Test
    void anUnrenewedLeaseIsAnnouncedOnceWhenItEndsWithinWarnBefore() {
        Acquired acquired = (Acquired) locks.acquire(ORDER_42, tabOf(ALICE));

        clock.advance(Duration.ofSeconds(59));
        assertThat(sweeper.sweep().warned())
                .as("61 s left, warn-before is 60 s")
                .isZero();

        clock.advance(Duration.ofSeconds(2));
        assertThat(sweeper.sweep().warned()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(5));
        sweeper.sweep();
        clock.advance(Duration.ofSeconds(5));
        sweeper.sweep();

        assertThat(events.of(LockEvent.Expiring.class)).singleElement().satisfies(expiring -> {
            assertThat(expiring.token()).isEqualTo(acquired.token());
            assertThat(expiring.expiresAt()).isEqualTo(acquired.expiresAt());
        });
    }

    @Test
    void aRenewalReArmsTheWarningForTheNewLease() {
        LockHolder alice = tabOf(ALICE);
        Acquired acquired = (Acquired) locks.acquire(ORDER_42, alice);
        clock.advance(Duration.ofSeconds(70));
        sweeper.sweep();

        locks.renew(ORDER_42, alice.holderKey(), acquired.token());
        sweeper.sweep();
        clock.advance(Duration.ofSeconds(70));
        sweeper.sweep();

        assertThat(events.of(LockEvent.Expiring.class)).hasSize(2);
    }

    @Test
    void aLeaseRenewedInTimeIsNeverAnnounced() {
        LockHolder alice = tabOf(ALICE);
        Acquired acquired = (Acquired) locks.acquire(ORDER_42, alice);
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofSeconds(30));
            locks.renew(ORDER_42, alice.holderKey(), acquired.token());
            sweeper.sweep();
        }

        assertThat(events.of(LockEvent.Expiring.class)).isEmpty();
        assertThat(events.of(LockEvent.Expired.class)).isEmpty();
    }

    @Test
    void anExpiredLockIsRemovedAuditedAndAnnounced() {
        locks.acquire(ORDER_42, tabOf(ALICE));
        clock.advance(Duration.ofSeconds(120));

        assertThat(sweeper.sweep().expired()).isEqualTo(1);

        assertThat(locks.find(ORDER_42)).isEmpty();
        assertThat(events.of(LockEvent.Expired.class)).hasSize(1);
        assertThat(auditPage(AuditFilter.order(42), PageRequest.of(0, 1)).getContent())
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.action()).isEqualTo(LockAction.EXPIRED);
                    assertThat(entry.actor()).as("the system").isNull();
                });
    }

    @Test
    void racingSweepersWarnAboutEachLeaseOnce() throws Exception {
        acquireMany();
        clock.advance(Duration.ofSeconds(90));

        int warned =
                race(() -> sweepers().stream().mapToInt(s -> s.sweep().warned()).sum());

        assertThat(warned).isEqualTo(RACED_LOCKS);
        assertThat(events.of(LockEvent.Expiring.class))
                .extracting(LockEvent::resource)
                .doesNotHaveDuplicates()
                .hasSize(RACED_LOCKS);
    }

    @Test
    void racingSweepersRemoveEachExpiredLockOnce() throws Exception {
        acquireMany();
        clock.advance(Duration.ofSeconds(121));

        int expired = race(
                () -> sweepers().stream().mapToInt(s -> s.sweep().expired()).sum());

        assertThat(expired).isEqualTo(RACED_LOCKS);
        assertThat(events.of(LockEvent.Expired.class))
                .extracting(LockEvent::resource)
                .doesNotHaveDuplicates()
                .hasSize(RACED_LOCKS);
        assertThat(jdbc.sql("select count(*) from lock_audit where action = 'EXPIRED'")
                        .query(Long.class)
                        .single())
                .isEqualTo(RACED_LOCKS);
        assertThat(locks.currentLocks()).isEmpty();
    }

    private void acquireMany() {
        for (int orderId = 1; orderId <= RACED_LOCKS; orderId++) {
            locks.acquire(ResourceId.order(orderId), tabOf(ALICE));
        }
        events.clear();
    }

    /** Two more nodes' sweepers besides this context's, all on the test clock. */
    private List<LockSweeper> sweepers() {
        LockNodes nodes = new LockNodes(context);
        return List.of(sweeper, nodes.start(clock).sweeper(), nodes.start(clock).sweeper());
    }

    /** Runs {@code sweeps} on four threads at once; returns the sum of what they report. */
    private static int race(Supplier<Integer> sweeps) throws Exception {
        return Race.run(4, thread -> sweeps::get).stream()
                .mapToInt(Integer::intValue)
                .sum();
    }
}
