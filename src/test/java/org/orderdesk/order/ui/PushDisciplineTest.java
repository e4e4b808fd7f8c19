package org.orderdesk.order.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.UI;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.orderdesk.lock.AcquireOutcome;
import org.orderdesk.lock.LockHolder;
import org.orderdesk.lock.LockUser;
import org.orderdesk.lock.ResourceId;
import org.orderdesk.ui.PushProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Views subscribe on attach and unsubscribe on detach, no closed UI is kept, and a burst
 * of events reaches a UI in at most one push per {@code orderdesk.push.min-interval}.
 */
// A context of its own: the push meter counts every UI of the node, and here Bob's grid is the only one.
@TestPropertySource(properties = "orderdesk.push.min-interval=250ms")
class PushDisciplineTest extends ClerksTest {

    private static final LockHolder CAROLS_TAB = new LockHolder(new LockUser("carol", "Carol"), "carols-tab");

    @Autowired
    PushProperties pushSettings;

    @Test
    void twoHundredUisAttachedAndDetachedLeaveNoSubscriptionAndAreNotRetained() {
        int before = live().subscriptions();
        List<WeakReference<UI>> closed = new ArrayList<>();

        for (int i = 0; i < 200; i++) {
            BrowserlessUIContext window = newSession(i % 2 == 0 ? "alice" : "bob");
            switch (i % 3) {
                case 0 -> window.navigate(OrdersView.class);
                case 1 -> window.navigate("orders/" + (60 + i % 5), OrderView.class);
                default -> window.navigate("orders/" + (70 + i % 5) + "/edit", OrderEditorView.class);
            }
            assertThat(live().subscriptions()).isGreaterThan(before);
            if (i % 4 == 0) {
                // Moving on within the tab detaches the view left; an order view shown again is reused.
                window.navigate("orders/" + (65 + i % 5), OrderView.class);
            }
            closed.add(new WeakReference<>(window.getUI()));
            window.getUser().close();
        }

        assertThat(live().subscriptions()).isEqualTo(before);
        assertThat(meters.get("orderdesk.presence.watched-orders").gauge().value())
                .as("orders with viewers")
                .isZero();
        assertThat(locks.currentLocks()).isEmpty();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            System.gc();
            return closed.stream().allMatch(ui -> ui.get() == null);
        });
    }

    @Test
    void aBurstOfLockEventsReachesTheGridInAtMostFourBatchesASecond() {
        BrowserlessUIContext bob = signIn("bob");
        bob.navigate(OrdersView.class);
        deliverPushes();
        long pushesBefore = live().pushes();

        long started = System.nanoTime();
        CompletableFuture.runAsync(() -> {
                    for (int round = 0; round < 10; round++) {
                        for (long orderId = 81; orderId <= 90; orderId++) {
                            var taken = (AcquireOutcome.Acquired) locks.acquire(ResourceId.order(orderId), CAROLS_TAB);
                            locks.release(ResourceId.order(orderId), CAROLS_TAB.holderKey(), taken.token());
                        }
                    }
                })
                .join();
        await().atMost(Duration.ofSeconds(5)).until(() -> !live().isPushing());
        long elapsedMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
        deliverPushes();

        // Bob's grid is the only UI open, so every push counted went to it.
        int pushes = (int) (live().pushes() - pushesBefore);
        long allowed = elapsedMs / pushSettings.minInterval().toMillis() + 1;
        System.out.printf(
                "200 lock events in %d ms reached the grid in %d pushes (at most %d allowed)%n",
                elapsedMs, pushes, allowed);
        assertThat(pushes).isBetween(1, (int) allowed);
        assertThat(pushes).isLessThan(200);
        bob.activate();
        for (int row = 80; row < 90; row++) {
            assertThat(bob.test(ordersGrid(bob)).getLitRendererPropertyValue(row, "lock", "lockHolder", String.class))
                    .isEmpty();
        }
    }
}
