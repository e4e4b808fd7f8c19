package org.orderdesk.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.orderdesk.lock.LockTestData.ALICE;
import static org.orderdesk.lock.LockTestData.BOB;
import static org.orderdesk.lock.LockTestData.tabOf;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.orderdesk.IntegrationTest;
import org.orderdesk.lock.AcquireOutcome.Acquired;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The Locks view's service, called directly as a forged request would call it: the signed-in user
 * decides who acts, and only supervisors break locks.
 */
@WithUserDetails("alice")
@IntegrationTest
class LockAdministrationTest extends LockEngineTest {

    private static final ResourceId OD_42 = ResourceId.order(42);

    @Autowired
    LockAdministration administration;

    @Test
    void aClerkCannotBreakALockWhateverTheirScreenOffered() {
        Acquired bobs = (Acquired) locks.acquire(OD_42, tabOf(BOB));

        assertThatThrownBy(() -> administration.breakLock(OD_42, bobs.token(), "mine now"))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(locks.find(OD_42))
                .hasValueSatisfying(lock -> assertThat(lock.token()).isEqualTo(bobs.token()));
        assertThat(events.of(LockEvent.Broken.class)).isEmpty();
    }

    @Test
    @WithUserDetails("sam")
    void aSupervisorBreaksInTheirOwnName() {
        Acquired alices = (Acquired) locks.acquire(OD_42, tabOf(ALICE));

        assertThat(administration.breakLock(OD_42, alices.token(), "  Month end  "))
                .isTrue();

        assertThat(events.of(LockEvent.Broken.class)).singleElement().satisfies(broken -> {
            assertThat(broken.brokenBy()).isEqualTo(LockTestData.SAM);
            assertThat(broken.reason()).isEqualTo("Month end");
        });
    }

    @Test
    @WithUserDetails("sam")
    void breakingNeedsAReasonEvenFromASupervisor() {
        Acquired alices = (Acquired) locks.acquire(OD_42, tabOf(ALICE));

        assertThatThrownBy(() -> administration.breakLock(OD_42, alices.token(), " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(locks.find(OD_42)).isPresent();
    }

    @Test
    void liveLocksAndAuditLinesCarryTheOrderNumber() {
        locks.acquire(OD_42, tabOf(ALICE));
        locks.acquire(ResourceId.order(999_999_999), tabOf(BOB));

        assertThat(administration.liveLocks())
                .extracting(LockAdministration.LiveLock::resourceName)
                .containsExactly("OD-000042", "order 999999999");
        assertThat(administration.auditTrail(AuditFilter.ALL, PageRequest.of(0, 10)))
                .extracting(LockAdministration.AuditLine::resourceName)
                .containsExactly("order 999999999", "OD-000042");
        assertThat(administration.countAuditTrail(AuditFilter.ALL)).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"OD-000042", "od-000042", " OD-000042 ", "42", "000042", "OD-42"})
    void anOrderIsFoundByItsNumberTypedAnyUsualWay(String typed) {
        assertThat(administration.findResource(typed)).contains(OD_42);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "OD-999999", "999999", "OD-0000x42", "Harbour", "-42", "XY-000042"})
    void textNamingNoOrderFindsNothing(String typed) {
        assertThat(administration.findResource(typed)).isEmpty();
    }

    @Test
    void theUserFilterOffersEveryoneByTheNameShown() {
        assertThat(administration.people())
                .extracting(LockUser::username)
                .containsSubsequence(List.of("alice", "bob", "carol", "sam"));
    }
}
