package org.orderdesk.order.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.avatar.AvatarGroup;
import com.vaadin.flow.component.avatar.AvatarGroup.AvatarGroupItem;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.orderdesk.lock.LockInfo;
import org.orderdesk.lock.ResourceId;
import org.orderdesk.ui.Formats;

/** Points 2, 3 and 8: the read-only view follows the order's lock, its saves and its viewers. */
class OrderViewLiveTest extends ClerksTest {

    @Test
    void theBannerFollowsTheLockFromTakenToExpiringToFree() {
        BrowserlessUIContext bob = signIn("bob");
        bob.navigate("orders/21", OrderView.class);
        assertThat(banner(bob)).isEmpty();
        BrowserlessUIContext alice = signIn("alice");

        alice.navigate("orders/21/edit", OrderEditorView.class);
        deliverPushes();
        LockInfo lock = locks.find(ResourceId.order(21)).orElseThrow();
        assertThat(banner(bob))
                .isEqualTo("Alice is editing this order since " + Formats.time(lock.acquiredAt()) + " — lock ends "
                        + Formats.time(lock.expiresAt()) + " · 2:00 left");

        clock.advance(settings.lease().minusSeconds(30));
        sweeper.sweep();
        deliverPushes();
        assertThat(banner(bob)).isEqualTo("Alice's lock ends in 0:30");
        assertThat(notices(bob)).contains("Alice's lock on order OD-000021 ends in 0:30");

        alice.activate();
        click(alice, "Cancel");
        deliverPushes();
        assertThat(banner(bob)).isEqualTo("Free now — Edit");

        click(bob, bob.find(Div.class).withClassName("lock-banner").single(), "Edit");
        assertThat(bob.getCurrentView()).isInstanceOf(OrderEditorView.class);
        assertThat(locks.find(ResourceId.order(21)).orElseThrow().holder().username())
                .isEqualTo("bob");
    }

    @Test
    void anExpiredLeaseFreesTheOrderAndATakeOverNamesTheNewHolder() {
        BrowserlessUIContext carol = signIn("carol");
        carol.navigate("orders/22", OrderView.class);
        BrowserlessUIContext alice = signIn("alice");
        alice.navigate("orders/22/edit", OrderEditorView.class);
        BrowserlessUIContext sam = signIn("sam");
        sam.navigate("orders/22", OrderView.class);

        click(sam, "Take over…");
        sam.find(com.vaadin.flow.component.textfield.TextArea.class)
                .withCaption("Reason")
                .single()
                .setValue("Customer on the phone");
        click(sam, "Take over");
        deliverPushes();
        assertThat(banner(carol)).startsWith("Sam is editing this order since");

        clock.advance(settings.lease().plusSeconds(1));
        sweeper.sweep();
        deliverPushes();
        assertThat(banner(carol)).isEqualTo("Free now — Edit");
    }

    @Test
    void theValuesShownRefreshWhenTheHolderSaves() {
        BrowserlessUIContext bob = signIn("bob");
        bob.navigate("orders/23", OrderView.class);
        BrowserlessUIContext alice = signIn("alice");
        alice.navigate("orders/23/edit", OrderEditorView.class);

        alice.find(TextArea.class).withCaption("Notes").single().setValue("Deliver to the loading dock");
        click(alice, "Save");
        deliverPushes();

        bob.activate();
        assertThat(bob.find(TextArea.class).withCaption("Notes").single().getValue())
                .isEqualTo("Deliver to the loading dock");
        assertThat(bob.find(TextField.class)
                        .withCaption("Last changed")
                        .single()
                        .getValue())
                .startsWith("Alice · ");
    }

    @Test
    void avatarsShowWhoElseLooksAtTheOrderInTheViewAndInTheEditor() {
        BrowserlessUIContext bob = signIn("bob");
        OrderView bobsView = bob.navigate("orders/24", OrderView.class);
        assertThat(viewers(bob)).isEmpty();
        BrowserlessUIContext carol = signIn("carol");
        carol.navigate("orders/24", OrderView.class);
        BrowserlessUIContext alice = signIn("alice");
        alice.navigate("orders/24/edit", OrderEditorView.class);
        deliverPushes();

        assertThat(viewers(bob)).containsExactly("Carol", "Alice");
        assertThat(viewers(alice)).containsExactly("Bob", "Carol");

        carol.activate();
        carol.navigate(OrdersView.class);
        deliverPushes();
        assertThat(viewers(bob)).containsExactly("Alice");
        assertThat(viewers(alice)).containsExactly("Bob");
        assertThat(bobsView.isAttached()).isTrue();
    }

    private String banner(BrowserlessUIContext window) {
        window.activate();
        return window.find(Div.class).withClassName("lock-banner").all().stream()
                .map(banner -> banner.getElement().getTextRecursively())
                .findFirst()
                .orElse("");
    }

    private java.util.List<String> viewers(BrowserlessUIContext window) {
        window.activate();
        // Hidden, and so not found, while nobody else looks.
        return window.find(AvatarGroup.class).withClassName("order-viewers").all().stream()
                .flatMap(viewers -> viewers.getItems().stream())
                .map(AvatarGroupItem::getName)
                .toList();
    }
}
