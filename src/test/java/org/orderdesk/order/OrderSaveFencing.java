package org.orderdesk.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orderdesk.TestClock;
import org.orderdesk.event.EventBroadcaster;
import org.orderdesk.event.Subscription;
import org.orderdesk.lock.AcquireOutcome.Acquired;
import org.orderdesk.lock.LockHolder;
import org.orderdesk.lock.LockLoss;
import org.orderdesk.lock.LockLostException;
import org.orderdesk.lock.LockService;
import org.orderdesk.lock.RenewOutcome;
import org.orderdesk.lock.ResourceId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Saving is fenced by the lock: a clerk whose lease lapsed and was taken cannot overwrite the new
 * holder, and a form loaded before someone else's save cannot overwrite it either. Each database
 * runs it through a subclass that only says which database.
 */
@TestPropertySource(properties = "orderdesk.demo.orders=5")
abstract class OrderSaveFencing {

    private static final Duration LEASE = Duration.ofSeconds(120);

    @Autowired
    OrderService orders;

    @Autowired
    LockService locks;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventBroadcaster broadcaster;

    final LockHolder alice = new LockHolder("alice", "Alice", UUID.randomUUID().toString());
    final LockHolder bob = new LockHolder("bob", "Bob", UUID.randomUUID().toString());
    final List<OrderSaved> saves = new CopyOnWriteArrayList<>();
    Subscription subscription;
    long orderId;
    ResourceId order;

    @BeforeEach
    void pickAnOrder() {
        jdbc.sql("delete from edit_locks").update();
        orderId = orders.list(OrderFilter.NONE, PageRequest.of(0, 1, Sort.by("orderNumber")))
                .getFirst()
                .id();
        order = ResourceId.order(orderId);
        subscription = broadcaster.subscribe(OrderSaved.class, saves::add);
    }

    @AfterEach
    void unsubscribe() {
        subscription.cancel();
    }

    private Order form() {
        return orders.findWithLines(orderId).orElseThrow();
    }

    private long acquire(LockHolder holder) {
        return ((Acquired) locks.acquire(order, holder)).token();
    }

    /** Alice opens the order, her lease runs out, and Bob takes the lock and opens it too. */
    private record Lapse(long alicesToken, Order alicesForm, long bobsToken, Order bobsForm) {}

    private Lapse aliceLapsesAndBobTakesTheLock() {
        long alicesToken = acquire(alice);
        Order alicesForm = form();
        clock.advance(LEASE);
        long bobsToken = acquire(bob);
        Order bobsForm = form();
        return new Lapse(alicesToken, alicesForm, bobsToken, bobsForm);
    }

    @Test
    void aLapsedHolderCannotOverwriteTheClerkWhoTookTheLock() {
        Lapse lapse = aliceLapsesAndBobTakesTheLock();

        lapse.alicesForm().setCustomer("Alice's late change");
        assertThatThrownBy(() -> orders.save(lapse.alicesForm(), lapse.alicesToken()))
                .isInstanceOf(LockLostException.class)
                .hasMessageStartingWith("Lock lost to Bob");

        lapse.bobsForm().setCustomer("Bob's change");
        Order saved = orders.save(lapse.bobsForm(), lapse.bobsToken());
        assertThat(saved.getVersion()).isEqualTo(lapse.bobsForm().getVersion() + 1);
        assertThat(form().getCustomer()).isEqualTo("Bob's change");
        assertThat(form().getLastChangedBy()).isEqualTo("Bob");

        RenewOutcome alicesRenewal = locks.renew(order, alice.holderKey(), lapse.alicesToken());
        assertThat(alicesRenewal).isInstanceOfSatisfying(RenewOutcome.Lost.class, lost -> {
            assertThat(lost.loss().reason()).isEqualTo(LockLoss.Reason.EXPIRED);
            assertThat(lost.loss().by()).isNotNull();
            assertThat(lost.loss().message()).startsWith("Lock lost to Bob");
        });
    }

    @Test
    void aFormLoadedBeforeSomeoneElsesSaveIsRejectedEvenUnderAFreshLock() {
        Lapse lapse = aliceLapsesAndBobTakesTheLock();
        lapse.bobsForm().setNotes("Bob was here");
        orders.save(lapse.bobsForm(), lapse.bobsToken());
        locks.release(order, bob.holderKey(), lapse.bobsToken());
        long alicesNewToken = acquire(alice);

        lapse.alicesForm().setNotes("Alice's stale notes");
        assertThatThrownBy(() -> orders.save(lapse.alicesForm(), alicesNewToken))
                .isInstanceOfSatisfying(OrderChangedException.class, changed -> {
                    assertThat(changed.changedBy()).isEqualTo("Bob");
                    assertThat(changed.changedAt()).isEqualTo(clock.instant());
                })
                .hasMessageContaining("was changed by Bob at ");
        assertThat(form().getNotes()).isEqualTo("Bob was here");
        assertThat(lapse.alicesToken()).isLessThan(alicesNewToken);
    }

    @Test
    void savingWithoutAnyLockIsRejected() {
        Order form = form();
        form.setNotes("no lock");

        assertThatThrownBy(() -> orders.save(form, 999_999))
                .isInstanceOf(LockLostException.class)
                .hasMessageStartingWith("Lock lost");
        assertThat(form().getNotes()).isNotEqualTo("no lock");
    }

    @Test
    void theHolderSavesLinesAndKeepsEditingUnderTheSameLock() {
        long token = acquire(alice);
        Order form = form();
        form.getLines().getFirst().setQuantity(7);
        form.addLine("Extra bolts", 3, new BigDecimal("1.50"));
        BigDecimal expectedTotal = form.getTotal();

        Order saved = orders.save(form, token);
        saved.setNotes("second save, same lock");
        Order savedAgain = orders.save(saved, token);

        Order reloaded = form();
        assertThat(reloaded.getTotal()).isEqualByComparingTo(expectedTotal);
        assertThat(reloaded.getLines()).last().satisfies(line -> {
            assertThat(line.getProduct()).isEqualTo("Extra bolts");
            assertThat(line.getQuantity()).isEqualTo(3);
        });
        assertThat(reloaded.getNotes()).isEqualTo("second save, same lock");
        assertThat(reloaded.getVersion()).isEqualTo(savedAgain.getVersion());
        assertThat(saves).extracting(OrderSaved::version).containsExactly(saved.getVersion(), savedAgain.getVersion());
        assertThat(saves).extracting(OrderSaved::savedBy).containsOnly("Alice");
    }

    @Test
    void renewalsNeverTouchTheOrder() {
        long token = acquire(alice);
        Order before = form();

        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(30));
            locks.renew(order, alice.holderKey(), token);
        }

        Order after = form();
        assertThat(after.getVersion()).isEqualTo(before.getVersion());
        assertThat(after.getLastChangedAt()).isEqualTo(before.getLastChangedAt());
        assertThat(saves).isEmpty();
    }
}
