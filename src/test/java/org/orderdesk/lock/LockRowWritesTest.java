package org.orderdesk.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import org.junit.jupiter.api.Test;
import org.orderdesk.IntegrationTest;
import org.orderdesk.lock.AcquireOutcome.Acquired;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/** How often a lock step writes the lock row: each write is a round trip every clerk's step pays. */
@IntegrationTest
class LockRowWritesTest {

    @MockitoSpyBean
    LockStore store;

    @Autowired
    LockService locks;

    @Test
    void acquiringAFreeOrderWritesItsLockRowOnceStampedAsAcquired() {
        ResourceId order = ResourceId.order(424_242);
        LockHolder alice = new LockHolder("alice", "Alice", "alice-tab");

        Acquired acquired = (Acquired) locks.acquire(order, alice);

        verify(store).insert(any());
        verify(store, never()).replace(any(), anyLong());
        assertThat(locks.find(order)).hasValueSatisfying(lock -> {
            assertThat(lock.token()).isEqualTo(acquired.token());
            assertThat(lock.acquiredAt()).isEqualTo(acquired.acquiredAt());
            assertThat(lock.expiresAt()).isEqualTo(acquired.expiresAt());
        });
        assertThat(locks.release(order, alice.holderKey(), acquired.token())).isTrue();
    }
}
