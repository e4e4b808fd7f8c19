package org.orderdesk.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orderdesk.lock.LockTestData.ALICE;
import static org.orderdesk.lock.LockTestData.BOB;
import static org.orderdesk.lock.LockTestData.CAROL;
import static org.orderdesk.lock.LockTestData.SAM;
import static org.orderdesk.lock.LockTestData.tabOf;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orderdesk.IntegrationTest;
import org.orderdesk.lock.AcquireOutcome.Acquired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;

/**
 * Every change to a lock leaves a line: who, what, which order, why, which token, when. Renewals
 * are counted on their hold's line instead of adding lines.
 */
@IntegrationTest
class LockAuditTest extends LockEngineTest {

    @BeforeEach
    void aDayOfLocking() {
        LockHolder alice = tabOf(ALICE);
        LockHolder bob = tabOf(BOB);
        Acquired alices = (Acquired) locks.acquire(ResourceId.order(1), alice);
        tick();
        locks.renew(ResourceId.order(1), alice.holderKey(), alices.token());
        tick();
        locks.release(ResourceId.order(1), alice.holderKey(), alices.token());
        tick();
        locks.acquire(ResourceId.order(2), bob);
        tick();
        releaseRequests.requestRelease(ResourceId.order(2), ALICE);
        tick();
        takeOver(ResourceId.order(2), tabOf(SAM), "Customer waiting");
        tick();
        breakLock(ResourceId.order(2), SAM, "Done here");
        tick();
        locks.acquire(ResourceId.order(3), bob);
        clock.advance(Duration.ofSeconds(121));
        sweeper.sweep();
    }

    private void tick() {
        clock.advance(Duration.ofSeconds(1));
    }

    @Test
    void theTrailListsEveryChangeNewestFirst() {
        Page<LockAuditEntry> page = auditPage(AuditFilter.ALL, PageRequest.of(0, 50));

        assertThat(page.getContent())
                .extracting(entry -> entry.resource().id() + " " + entry.action() + " "
                        + entry.holder().username())
                .containsExactly(
                        "3 EXPIRED bob",
                        "3 ACQUIRED bob",
                        "2 BROKEN sam",
                        "2 ACQUIRED sam",
                        "2 TAKEN_OVER bob",
                        "2 RELEASE_REQUESTED bob",
                        "2 ACQUIRED bob",
                        "1 RELEASED alice",
                        "1 ACQUIRED alice");
        assertThat(page.getContent().getLast().renewals())
                .as("alice's renewal is counted on her hold's row")
                .isEqualTo(1);
        assertThat(page.getContent().getLast().lastRenewedAt())
                .isEqualTo(page.getContent().getLast().at().plusSeconds(1));
    }

    @Test
    void entriesSayWhoDidItWhyAndUnderWhichToken() {
        LockAuditEntry takeOver = auditPage(AuditFilter.order(2), PageRequest.of(0, 50)).stream()
                .filter(entry -> entry.action() == LockAction.TAKEN_OVER)
                .findFirst()
                .orElseThrow();

        assertThat(takeOver.holder()).isEqualTo(BOB);
        assertThat(takeOver.actor()).isEqualTo(SAM);
        assertThat(takeOver.reason()).isEqualTo("Customer waiting");
        assertThat(takeOver.token()).isPositive();
        assertThat(takeOver.at()).isEqualTo(clock.instant().minus(Duration.ofSeconds(123)));
    }

    @Test
    void theTrailFiltersByOrderAndByUserAndPages() {
        assertThat(auditPage(AuditFilter.order(1), PageRequest.of(0, 50)).getContent())
                .extracting(LockAuditEntry::action)
                .containsExactly(LockAction.RELEASED, LockAction.ACQUIRED);
        assertThat(auditPage(AuditFilter.user("alice"), PageRequest.of(0, 50)).getContent())
                .as("alice's own locks and her request to bob")
                .extracting(entry -> entry.resource().id() + " " + entry.action())
                .containsExactly("2 RELEASE_REQUESTED", "1 RELEASED", "1 ACQUIRED");

        Page<LockAuditEntry> second = auditPage(AuditFilter.ALL, PageRequest.of(1, 4));
        assertThat(second.getTotalElements()).isEqualTo(9);
        assertThat(second.getContent())
                .extracting(LockAuditEntry::action)
                .containsExactly(
                        LockAction.TAKEN_OVER, LockAction.RELEASE_REQUESTED, LockAction.ACQUIRED, LockAction.RELEASED);
    }

    @Test
    void anEditorHourOfRenewalsLeavesOneRowForTheHoldWithItsCountAndLastRenewal() {
        LockHolder carol = tabOf(CAROL);
        Acquired carols = (Acquired) locks.acquire(ResourceId.order(9), carol);
        events.clear();
        for (int renewal = 0; renewal < 120; renewal++) {
            clock.advance(Duration.ofSeconds(30));
            locks.renew(ResourceId.order(9), carol.holderKey(), carols.token());
        }

        assertThat(jdbc.sql("select count(*) from lock_audit where token = :token")
                        .param("token", carols.token())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        LockAuditEntry hold = auditPage(AuditFilter.order(9), PageRequest.of(0, 50))
                .getContent()
                .getFirst();
        assertThat(hold.action()).isEqualTo(LockAction.ACQUIRED);
        assertThat(hold.at()).isEqualTo(carols.acquiredAt());
        assertThat(hold.renewals()).isEqualTo(120);
        assertThat(hold.lastRenewedAt()).isEqualTo(clock.instant());
        assertThat(events.of(LockEvent.Renewed.class))
                .as("grids still hear of every renewal")
                .hasSize(120);
    }

    @Test
    void aRenewalThatFindsTheLockLostCountsNothing() {
        LockHolder carol = tabOf(CAROL);
        Acquired carols = (Acquired) locks.acquire(ResourceId.order(9), carol);
        breakLock(ResourceId.order(9), SAM, "Stock take");

        locks.renew(ResourceId.order(9), carol.holderKey(), carols.token());

        assertThat(auditPage(AuditFilter.order(9), PageRequest.of(0, 50)).getContent())
                .extracting(entry -> entry.action() + " " + entry.renewals())
                .containsExactly("BROKEN 0", "ACQUIRED 0");
    }
}
