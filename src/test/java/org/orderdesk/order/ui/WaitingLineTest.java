package org.orderdesk.order.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.HttpSessionEvent;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orderdesk.lock.ResourceId;
import org.orderdesk.order.FreeNotices;
import org.orderdesk.security.Role;
import org.orderdesk.security.UserAccountService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Clerks who asked to be told when an order is free wait in line, in the order they asked: when
 * the holder lets go, the first gets the order reserved for a short while, everyone else sees for
 * whom, and the next in line reads their place; a declined or lapsed turn goes to the next; a
 * supervisor takes the order over whoever waits.
 */
class WaitingLineTest extends ClerksTest {

    @Autowired
    UserAccountService accounts;

    @Autowired
    FreeNotices freeNotices;

    /** A fourth clerk, who does not wait. */
    @BeforeEach
    void daveWorksHereToo() {
        try {
            users.loadUserByUsername("dave");
        } catch (UsernameNotFoundException absent) {
            accounts.create("dave", "Dave", "dave", Set.of(Role.CLERK));
        }
    }

    /** Alice edits the order; Bob asks first (from its read-only view, then goes to the grid), Carol second. */
    private Clerks aliceHoldsWhileBobThenCarolWait(long orderId) {
        String order = "orders/" + orderId;
        BrowserlessUIContext alice = signIn("alice");
        alice.navigate(order + "/edit", OrderEditorView.class);
        BrowserlessUIContext bob = signIn("bob");
        bob.navigate(order, OrderView.class);
        click(bob, "Notify me when free");
        assertThat(notices(bob))
                .contains(
                        "You are 1st in line for order OD-0000" + orderId + ". You will be told when it is your turn.");
        bob.navigate(OrdersView.class);
        BrowserlessUIContext carol = signIn("carol");
        carol.navigate(order, OrderView.class);
        click(carol, "Notify me when free");
        deliverPushes();
        assertThat(Screens.placeInLine(carol)).isEqualTo("You are 2nd in line");
        return new Clerks(alice, bob, carol);
    }

    private record Clerks(BrowserlessUIContext alice, BrowserlessUIContext bob, BrowserlessUIContext carol) {}

    @Test
    void whenTheHolderLetsGoTheFirstInLineGetsTheOrderReservedAndEveryoneElseSeesForWhom() {
        Clerks clerks = aliceHoldsWhileBobThenCarolWait(71);
        BrowserlessUIContext dave = signIn("dave");
        dave.navigate(OrdersView.class);
        BrowserlessUIContext davesOrder = newTab(dave);
        davesOrder.navigate("orders/71", OrderView.class);

        click(clerks.alice(), "Cancel");
        deliverPushes();

        BrowserlessUIContext bob = clerks.bob();
        assertThat(notices(bob)).contains("Order OD-000071 is free now");
        assertThat(Screens.turnCountdown(bob)).isEqualTo("Reserved for you · 0:30");
        assertThat(Screens.banner(clerks.carol())).isEqualTo("Reserved for Bob · 0:30");
        assertThat(Screens.placeInLine(clerks.carol())).isEqualTo("You are 1st in line");
        assertThat(Screens.banner(davesOrder)).isEqualTo("Reserved for Bob · 0:30");
        assertThat(Screens.placeInLine(davesOrder)).isEmpty();
        assertThat(Screens.lockCell(dave, 71, "lockHolder")).isEqualTo("Reserved for Bob");
        assertThat(Screens.lockCell(dave, 71, "lockState")).isEqualTo("reserved");

        // Only Bob may take it now: Dave's Edit lands on the read-only order.
        click(davesOrder, "Edit");
        assertThat(davesOrder.getCurrentView()).isInstanceOf(OrderView.class);
        assertThat(locks.find(ResourceId.order(71))).isEmpty();

        click(bob, notice(bob, "is free now"), "Edit now");
        deliverPushes();
        assertThat(bob.getCurrentView()).isInstanceOf(OrderEditorView.class);
        assertThat(locks.find(ResourceId.order(71)).orElseThrow().holder().username())
                .isEqualTo("bob");
        assertThat(Screens.banner(clerks.carol())).startsWith("Bob is editing this order since");
        assertThat(Screens.placeInLine(clerks.carol())).isEqualTo("You are 1st in line");
        assertThat(Screens.lockCell(dave, 71, "lockHolder")).isEqualTo("Bob");
    }

    @Test
    void aDeclinedTurnGoesToTheNextInLine() {
        Clerks clerks = aliceHoldsWhileBobThenCarolWait(72);
        click(clerks.alice(), "Cancel");
        deliverPushes();

        BrowserlessUIContext bob = clerks.bob();
        click(bob, notice(bob, "is free now"), "Decline");
        deliverPushes();

        BrowserlessUIContext carol = clerks.carol();
        assertThat(Screens.banner(carol)).isEqualTo("Reserved for you · 0:30 — it is your turn");
        assertThat(Screens.placeInLine(carol)).isEmpty();
        click(carol, "Edit now");
        assertThat(carol.getCurrentView()).isInstanceOf(OrderEditorView.class);
        assertThat(locks.find(ResourceId.order(72)).orElseThrow().holder().username())
                .isEqualTo("carol");
    }

    @Test
    void aTurnLeftToLapseGoesToTheNextInLineAndItsNoticeCloses() {
        Clerks clerks = aliceHoldsWhileBobThenCarolWait(73);
        click(clerks.alice(), "Cancel");
        deliverPushes();

        clock.advance(settings.reservation().minusSeconds(1));
        sweeper.sweep();
        deliverPushes();
        assertThat(notices(clerks.bob())).contains("Order OD-000073 is free now");
        clock.advance(java.time.Duration.ofSeconds(1));
        sweeper.sweep();
        deliverPushes();

        assertThat(notices(clerks.bob())).noneMatch(text -> text.contains("is free now"));
        assertThat(Screens.banner(clerks.carol())).isEqualTo("Reserved for you · 0:30 — it is your turn");
        clerks.bob().navigate("orders/73", OrderView.class);
        assertThat(Screens.banner(clerks.bob())).isEqualTo("Reserved for Carol · 0:30");
    }

    @Test
    void aSupervisorTakesTheOrderOverWhoeverWaitsAndTheLineWaitsForThem() {
        Clerks clerks = aliceHoldsWhileBobThenCarolWait(74);
        BrowserlessUIContext bob = clerks.bob();
        bob.navigate("orders/74", OrderView.class);
        BrowserlessUIContext sam = signIn("sam");
        sam.navigate("orders/74", OrderView.class);

        takeOver(sam, "Customer is on the phone");
        deliverPushes();

        assertThat(locks.find(ResourceId.order(74)).orElseThrow().holder().username())
                .isEqualTo("sam");
        assertThat(Screens.banner(bob)).startsWith("Sam is editing this order since");
        assertThat(Screens.placeInLine(bob)).isEqualTo("You are 1st in line");
        assertThat(Screens.placeInLine(clerks.carol())).isEqualTo("You are 2nd in line");

        click(sam, "Cancel");
        deliverPushes();
        assertThat(Screens.banner(bob)).isEqualTo("Reserved for you · 0:30 — it is your turn");

        // Out of turn also while the order is reserved: Bob is first in line again.
        sam.navigate("orders/74", OrderView.class);
        takeOver(sam, "Month-end close");
        deliverPushes();
        assertThat(locks.find(ResourceId.order(74)).orElseThrow().holder().username())
                .isEqualTo("sam");
        assertThat(Screens.placeInLine(bob)).isEqualTo("You are 1st in line");
        assertThat(Screens.placeInLine(clerks.carol())).isEqualTo("You are 2nd in line");
        assertThat(notices(bob)).contains("Sam took over order OD-000074. You are first in line again.");
    }

    @Test
    void aClerkWhoseSessionEndsLeavesTheLine() {
        Clerks clerks = aliceHoldsWhileBobThenCarolWait(75);
        clerks.bob().activate();
        String bobsSession = VaadinSession.getCurrent().getSession().getId();
        // The line knows a digest of Bob's session, not the id that would let a reader use it.
        assertThat(jdbc.sql("select count(*) from lock_waiters where waiter_key = :id")
                        .param("id", bobsSession)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from lock_waiters where username = 'bob'")
                        .query(Long.class)
                        .single())
                .isOne();

        freeNotices.sessionDestroyed(new HttpSessionEvent(new MockHttpSession(null, bobsSession)));
        deliverPushes();

        assertThat(Screens.placeInLine(clerks.carol())).isEqualTo("You are 1st in line");
        click(clerks.alice(), "Cancel");
        deliverPushes();
        assertThat(Screens.banner(clerks.carol())).isEqualTo("Reserved for you · 0:30 — it is your turn");
    }

    private void takeOver(BrowserlessUIContext supervisor, String reason) {
        click(supervisor, "Take over…");
        supervisor.find(TextArea.class).withCaption("Reason").single().setValue(reason);
        click(supervisor, "Take over");
        assertThat(supervisor.getCurrentView()).isInstanceOf(OrderEditorView.class);
    }
}
