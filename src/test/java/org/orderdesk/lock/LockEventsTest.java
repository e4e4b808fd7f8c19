package org.orderdesk.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orderdesk.lock.LockTestData.ALICE;
import static org.orderdesk.lock.LockTestData.tabOf;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.orderdesk.IntegrationTest;
import org.orderdesk.event.Subscription;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Events reach subscribers only once their change is committed, and a failing subscriber hurts nobody. */
@IntegrationTest
class LockEventsTest extends LockEngineTest {

    private static final ResourceId ORDER_42 = ResourceId.order(42);

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    ApplicationEventPublisher publisher;

    @Test
    void whenASubscriberHearsOfALockEveryOtherConnectionCanSeeIt() {
        List<Long> locksSeenByAnotherConnection = new ArrayList<>();
        Subscription probe = broadcaster.subscribe(LockEvent.Acquired.class, acquired -> {
            // Another thread gets another connection: it sees committed rows only.
            locksSeenByAnotherConnection.add(
                    CompletableFuture.supplyAsync(() -> jdbc.sql("select count(*) from edit_locks")
                                    .query(Long.class)
                                    .single())
                            .join());
        });
        try {
            locks.acquire(ORDER_42, tabOf(ALICE));
        } finally {
            probe.cancel();
        }

        assertThat(locksSeenByAnotherConnection).containsExactly(1L);
    }

    @Test
    void aLockStepInsideACallersTransactionCommitsOnItsOwn() {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            locks.acquire(ORDER_42, tabOf(ALICE));
            assertThat(events.all())
                    .as("announced as soon as the step committed")
                    .hasSize(1);
            status.setRollbackOnly();
        });

        assertThat(locks.find(ORDER_42))
                .as("the caller's rollback does not undo the lock")
                .isPresent();
    }

    @Test
    void anEventPublishedInATransactionThatRollsBackIsNeverDelivered() {
        LockEvent released = new LockEvent.Released(ORDER_42, tabOf(ALICE), 1, clock.instant());

        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            publisher.publishEvent(released);
            status.setRollbackOnly();
        });
        assertThat(events.all()).isEmpty();

        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            publisher.publishEvent(released);
            assertThat(events.all()).as("not before the commit").isEmpty();
        });
        assertThat(events.all()).containsExactly(released);
    }

    @Test
    void aThrowingSubscriberLosesTheEventForNobodyAfterIt() {
        events.close();
        Subscription broken = broadcaster.subscribe(LockEvent.class, event -> {
            throw new IllegalStateException("a view that fails");
        });
        events = new LockTestData.RecordedEvents(broadcaster);
        try {
            AcquireOutcome outcome = locks.acquire(ORDER_42, tabOf(ALICE));

            assertThat(outcome).isInstanceOf(AcquireOutcome.Acquired.class);
            assertThat(events.all()).hasSize(1);
        } finally {
            broken.cancel();
        }
    }
}
