package org.orderdesk.order.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.orderdesk.lock.AcquireOutcome;
import org.orderdesk.lock.LockInfo;
import org.orderdesk.lock.LockLoss;
import org.orderdesk.lock.RenewOutcome;
import org.orderdesk.lock.ResourceId;
import org.orderdesk.lock.web.SessionLocks;
import org.orderdesk.ui.Formats;
import org.springframework.beans.factory.annotation.Autowired;

/** The editor route acquires the lock before it builds the form. */
class OrderEditorEnterTest extends EditorTest {

    @Autowired
    SessionLocks sessionLocks;

    @Test
    void enteringTheEditorAcquiresTheLockBeforeShowingTheForm() {
        OrderEditorView editor = edit(101);

        LockInfo lock = heldLock(101);
        assertThat(lock.holder().user()).isEqualTo(ALICE);
        assertThat($(H2.class).single().getText()).isEqualTo("Edit order OD-000101");
        assertThat(field("Customer").getValue()).isEqualTo(stored(101).getCustomer());
        assertThat(test(field("Customer")).isUsable()).isTrue();
        assertThat(editor.getPageTitle()).isEqualTo("Edit order OD-000101 · Order Desk");
    }

    @Test
    void whenAnotherClerkHoldsTheLockTheOrderOpensReadOnlyNamingHolderAndLockEnd() {
        var bobs = (AcquireOutcome.Acquired) locks.acquire(ResourceId.order(102), BOBS_TAB);

        navigate("orders/102/edit", OrderView.class);

        assertThat(getCurrentView()).isInstanceOf(OrderView.class);
        assertThat(banner())
                .isEqualTo("Bob is editing this order since " + Formats.time(bobs.acquiredAt()) + " — lock ends "
                        + Formats.time(bobs.expiresAt()) + " · 2:00 left");
        assertThat(field("Customer").isReadOnly()).isTrue();
        assertThat(heldLock(102).holder()).isEqualTo(BOBS_TAB);
    }

    @Test
    void theSameClerkEditingInAnotherBrowserIsOfferedToMoveEditingHere() {
        locks.acquire(ResourceId.order(103), ALICES_OTHER_TAB);

        edit(103);

        assertThat($(Div.class)
                        .withClassName("other-tab-choice")
                        .single()
                        .getElement()
                        .getTextRecursively())
                .startsWith("You are editing order OD-000103 elsewhere: in another browser");
        assertThat($(TextField.class).all())
                .as("no form before the lock is held")
                .isEmpty();
        assertThat(heldLock(103).holder()).isEqualTo(ALICES_OTHER_TAB);
    }

    @Test
    void movingEditingHereTakesTheLockFromTheOtherTab() {
        var otherTab = (AcquireOutcome.Acquired) locks.acquire(ResourceId.order(104), ALICES_OTHER_TAB);
        edit(104);

        click("Move editing here");

        LockInfo lock = heldLock(104);
        assertThat(lock.holder().user()).isEqualTo(ALICE);
        assertThat(lock.holder().holderKey()).isNotEqualTo(ALICES_OTHER_TAB.holderKey());
        assertThat(test(field("Customer")).isUsable()).isTrue();
        assertThat(locks.renew(ResourceId.order(104), ALICES_OTHER_TAB.holderKey(), otherTab.token()))
                .as("the other tab is told where its lock went")
                .isEqualTo(new RenewOutcome.Lost(
                        new LockLoss(ResourceId.order(104), LockLoss.Reason.MOVED, ALICE, null, lock.acquiredAt())));
    }

    @Test
    void movingEditingHereAfterAnotherClerkTookTheLockShowsTheOrderReadOnlyWithTheirName() {
        locks.acquire(ResourceId.order(106), ALICES_OTHER_TAB);
        edit(106);
        letTheLeaseLapse();
        locks.acquire(ResourceId.order(106), BOBS_TAB);

        click("Move editing here");

        assertThat(getCurrentView()).isInstanceOf(OrderView.class);
        assertThat(banner()).startsWith("Bob is editing this order since");
        assertThat(heldLock(106).holder()).isEqualTo(BOBS_TAB);
    }

    @Test
    void theSameClerkInAnotherTabOfThisBrowserIsToldItIsAnotherTab() {
        var otherTab = (AcquireOutcome.Acquired) locks.acquire(ResourceId.order(107), ALICES_OTHER_TAB);
        sessionLocks.hold(
                VaadinSession.getCurrent().getSession().getId(),
                new SessionLocks.HeldLock(ResourceId.order(107), ALICES_OTHER_TAB.holderKey(), otherTab.token()));

        edit(107);

        assertThat($(Div.class)
                        .withClassName("other-tab-choice")
                        .single()
                        .getElement()
                        .getTextRecursively())
                .startsWith("You are editing order OD-000107 in another tab");
    }

    @Test
    void openingReadOnlyInsteadLeavesTheOtherTabEditing() {
        var otherTab = (AcquireOutcome.Acquired) locks.acquire(ResourceId.order(105), ALICES_OTHER_TAB);
        // The other tab is one of this browser's: its editor registered the lock with the session.
        sessionLocks.hold(
                VaadinSession.getCurrent().getSession().getId(),
                new SessionLocks.HeldLock(ResourceId.order(105), ALICES_OTHER_TAB.holderKey(), otherTab.token()));
        edit(105);

        click("Open read-only");

        assertThat(getCurrentView()).isInstanceOf(OrderView.class);
        assertThat(banner()).startsWith("You are editing this order in another tab since");
        assertThat(heldLock(105).holder()).isEqualTo(ALICES_OTHER_TAB);
    }

    @Test
    void aLockOfTheSameClerkFromAnotherBrowserIsToldApart() {
        locks.acquire(ResourceId.order(106), ALICES_OTHER_TAB);

        navigate("orders/106", OrderView.class);

        assertThat(banner()).startsWith("You are editing this order in another browser since");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "999999999"})
    void unknownOrdersShowOrderNotFoundAndLockNothing(String badId) {
        navigate("orders/" + badId + "/edit", OrderNotFoundView.class);

        assertThat(getCurrentView()).isInstanceOf(OrderNotFoundView.class);
        assertThat(locks.currentLocks()).isEmpty();
    }

    private String banner() {
        return $(Div.class).withClassName("lock-banner").single().getElement().getTextRecursively();
    }
}
