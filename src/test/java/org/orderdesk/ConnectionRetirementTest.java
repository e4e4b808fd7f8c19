package org.orderdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.orderdesk.lock.AcquireOutcome;
import org.orderdesk.lock.LockHolder;
import org.orderdesk.lock.LockService;
import org.orderdesk.lock.RenewOutcome;
import org.orderdesk.lock.ResourceId;
import org.orderdesk.order.Order;
import org.orderdesk.order.OrderDraft;
import org.orderdesk.order.OrderFilter;
import org.orderdesk.order.OrderService;
import org.orderdesk.order.OrderSummary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * A fresh database keeps working after the pool retires the connection that ran the Flyway
 * migrations, as it does by itself after {@code max-lifetime} (30 minutes by default). H2 2.4.240
 * bound {@code CHECK (... IN (...))} constraints to the session that created them: once that
 * connection closed, every lock step and every save failed with "The database has been closed".
 */
@IntegrationTest
@TestPropertySource(properties = "orderdesk.demo.orders=3")
class ConnectionRetirementTest {

    private static final int CLERKS = 3;
    private static final int LIFETIMES = 5;

    @Autowired
    HikariDataSource dataSource;

    @Autowired
    LockService locks;

    @Autowired
    OrderService orders;

    @Autowired
    JdbcClient jdbc;

    @Test
    void lockingAndSavingWorkOnceTheMigratingConnectionIsRetired() {
        retireEveryConnection();

        ResourceId resource = ResourceId.order(firstOrderId());
        LockHolder alice = new LockHolder("alice", "Alice", UUID.randomUUID().toString());
        AcquireOutcome.Acquired acquired = (AcquireOutcome.Acquired) locks.acquire(resource, alice);
        assertThat(locks.renew(resource, alice.holderKey(), acquired.token())).isInstanceOf(RenewOutcome.Renewed.class);

        Order loaded = orders.findWithLines(resource.id()).orElseThrow();
        OrderDraft draft = OrderDraft.of(loaded);
        draft.setNotes("saved after the pool renewed its connections");
        Order saved = orders.save(resource.id(), loaded.getVersion(), draft, acquired.token());
        assertThat(saved.getNotes()).isEqualTo("saved after the pool renewed its connections");

        assertThat(locks.release(resource, alice.holderKey(), acquired.token())).isTrue();
        assertThat(locks.find(resource)).isEmpty();
    }

    @Test
    void clerksKeepWorkingThroughSeveralPoolLifetimes() throws Exception {
        List<Long> orderIds = orders.list(OrderFilter.NONE, PageRequest.of(0, CLERKS)).stream()
                .map(OrderSummary::id)
                .toList();
        AtomicBoolean working = new AtomicBoolean(true);
        try (ExecutorService clerks = Executors.newFixedThreadPool(CLERKS)) {
            List<Future<Integer>> saves = orderIds.stream()
                    .map(orderId -> clerks.submit(() -> workOn(orderId, working)))
                    .toList();
            for (int lifetime = 0; lifetime < LIFETIMES; lifetime++) {
                retireEveryConnection();
            }
            working.set(false);
            for (int i = 0; i < CLERKS; i++) {
                int saved = saves.get(i).get(30, TimeUnit.SECONDS);
                assertThat(saved).isPositive();
                assertThat(orders.findWithLines(orderIds.get(i)).orElseThrow().getNotes())
                        .isEqualTo("save " + saved);
            }
        }
        assertThat(locks.currentLocks()).isEmpty();
    }

    /** One clerk's day, over and over: open under the lock, renew, save, close. Returns how many saves went through. */
    private int workOn(long orderId, AtomicBoolean working) {
        ResourceId resource = ResourceId.order(orderId);
        LockHolder clerk = new LockHolder("alice", "Alice", UUID.randomUUID().toString());
        int saved = 0;
        while (working.get() || saved == 0) {
            long token = ((AcquireOutcome.Acquired) locks.acquire(resource, clerk)).token();
            assertThat(locks.renew(resource, clerk.holderKey(), token)).isInstanceOf(RenewOutcome.Renewed.class);
            Order loaded = orders.findWithLines(orderId).orElseThrow();
            OrderDraft draft = OrderDraft.of(loaded);
            draft.setNotes("save " + (saved + 1));
            orders.save(orderId, loaded.getVersion(), draft, token);
            saved++;
            assertThat(locks.release(resource, clerk.holderKey(), token)).isTrue();
        }
        return saved;
    }

    private long firstOrderId() {
        return orders.list(OrderFilter.NONE, PageRequest.of(0, 1)).getFirst().id();
    }

    /**
     * What {@code max-lifetime} does over time, at once: every pooled connection is closed and
     * replaced. Waits until the database has seen each of the old sessions end.
     */
    private void retireEveryConnection() {
        Set<Integer> before = Set.copyOf(sessionIds());
        dataSource.getHikariPoolMXBean().softEvictConnections();
        await().atMost(Duration.ofSeconds(10)).until(() -> sessionIds().stream().noneMatch(before::contains));
    }

    private List<Integer> sessionIds() {
        return jdbc.sql("select session_id from information_schema.sessions where session_id <> session_id()")
                .query(Integer.class)
                .list();
    }
}
