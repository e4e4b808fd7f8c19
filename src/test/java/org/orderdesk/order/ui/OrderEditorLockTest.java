package org.orderdesk.order.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.internal.AllowInert;
import com.vaadin.flow.component.notification.Notification;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.orderdesk.lock.LockInfo;
import org.orderdesk.lock.ResourceId;
import org.orderdesk.ui.Formats;

/** While the lock is held: the status bar, the browser's renewal calls, the expiry warning. */
class OrderEditorLockTest extends EditorTest {

    @Test
    void theStatusBarSaysWhenTheLockEndsAndHowLongIsLeft() {
        edit(301);

        LockInfo lock = heldLock(301);
        assertThat(lockStatus()).isEqualTo("You are editing · lock ends " + Formats.time(lock.expiresAt()) + " (2:00)");
    }

    @Test
    void theBrowserScriptStartsWithTheRenewIntervalIdleTimeoutAndTheServersRemainingTime() {
        edit(302);

        assertThat(scriptCalls())
                .anySatisfy(call -> assertThat(call)
                        .contains("window.orderdesk.lockHeartbeat.start(this, $0, $1, $2, $3, $4)")
                        .contains("[30000.0, 300000.0, 120000.0, api/lock-release, resourceType=ORDER&resourceId=302"));
    }

    @Test
    void eachRenewalExtendsTheLeaseAndRebasesTheCountdownOnTheServersRemainingTime() {
        OrderEditorView editor = edit(303);
        scriptCalls();
        advance(Duration.ofSeconds(30));

        editor.renewLock(0);

        LockInfo lock = heldLock(303);
        assertThat(lock.expiresAt()).isEqualTo(clock.instant().plus(settings.lease()));
        assertThat(lockStatus()).isEqualTo("You are editing · lock ends " + Formats.time(lock.expiresAt()) + " (2:00)");
        assertThat(scriptCalls())
                .singleElement()
                .asString()
                .contains("window.orderdesk.lockHeartbeat.rebase(this, $0)")
                .contains("[120000.0, ");
    }

    @Test
    void aRenewalCallCannotRenewSomeoneElsesLock() throws NoSuchMethodException {
        OrderEditorView editor = edit(304);
        letTheLeaseLapse();
        locks.acquire(ResourceId.order(304), BOBS_TAB);
        Instant bobsLeaseEnds = heldLock(304).expiresAt();
        advance(Duration.ofSeconds(10));

        editor.renewLock(0);
        editor.renewLock(0);

        assertThat(heldLock(304).holder()).isEqualTo(BOBS_TAB);
        assertThat(heldLock(304).expiresAt()).isEqualTo(bobsLeaseEnds);
        assertThat(lockLostReason())
                .isEqualTo("Lock lost to Bob: your lock on order OD-000304 expired and Bob took it");
        Method renew = OrderEditorView.class.getDeclaredMethod("renewLock", double.class);
        assertThat(renew.isAnnotationPresent(ClientCallable.class)).isTrue();
        assertThat(renew.isAnnotationPresent(AllowInert.class))
                .as("renewals go on while the editor's own dialogs are open")
                .isTrue();
        assertThat(renew.getParameterTypes())
                .as("the browser cannot name a lock, only say how long the clerk has been idle:"
                        + " the UI's own holder key and token are used")
                .containsExactly(double.class);
    }

    @Test
    void anUnrenewedLockWarnsItsHolderWithACountdownWithoutADialog() {
        edit(305);

        letTheWarningCome();

        assertThat(expiryWarning().isOpened()).isTrue();
        assertThat(expiryWarningText()).isEqualTo("Your lock on order OD-000305 ends in 0:59");
        assertThat($(Dialog.class).all())
                .as("nothing modal that would take the keyboard")
                .isEmpty();
        assertThat(test(notes()).isUsable())
                .as("the form stays editable under the warning")
                .isTrue();
    }

    @Test
    void keepEditingRenewsAtOnceAndClosesTheWarning() {
        edit(306);
        letTheWarningCome();

        scriptCalls();

        click("Keep editing");

        assertThat(heldLock(306).expiresAt()).isEqualTo(clock.instant().plus(settings.lease()));
        assertThat(expiryWarning().isOpened()).isFalse();
        assertThat(scriptCalls())
                .as("the browser renews on, as if the clerk had typed")
                .anySatisfy(call -> assertThat(call).contains("window.orderdesk.lockHeartbeat.markActive(this)"));
    }

    @Test
    void releaseFromTheWarningLeavesTheEditorAndGivesTheLockUp() {
        edit(307);
        letTheWarningCome();

        click("Release");

        assertThat(getCurrentView()).isInstanceOf(OrdersView.class);
        assertThat(lockOn(307)).isEmpty();
    }

    @Test
    void aWarningOvertakenByARenewalIsNotShown() throws InterruptedException {
        OrderEditorView editor = edit(310);
        advance(settings.lease().minus(settings.warnBefore()).plusSeconds(1));
        Thread sweeperThread = new Thread(sweeper::sweep);
        sweeperThread.start();
        sweeperThread.join();

        editor.renewLock(0);
        deliverPushes();

        assertThat(expiryWarning().isOpened()).isFalse();
    }

    /** Lets the lease come within warn-before of its end, unrenewed; the sweeper warns, push delivers. */
    private void letTheWarningCome() {
        advance(settings.lease().minus(settings.warnBefore()).plusSeconds(1));
        sweeper.sweep();
        deliverPushes();
    }

    @Test
    void aClerkWhoKeepsWorkingIsNeverWarned() {
        OrderEditorView editor = edit(308);

        for (int i = 0; i < 10; i++) {
            advance(settings.renewInterval());
            editor.renewLock(0);
            sweeper.sweep();
        }
        deliverPushes();

        assertThat(expiryWarning().isOpened()).isFalse();
        assertThat(lockOn(308)).isPresent();
    }

    @Test
    void lockEventsFromOtherThreadsReachTheEditorOnlyThroughUiAccess() throws InterruptedException {
        edit(309);
        // Found before the event: a component query would run the UI's queue first.
        Notification warning = expiryWarning();
        advance(settings.lease().minus(settings.warnBefore()).plusSeconds(1));

        Thread sweeperThread = new Thread(sweeper::sweep);
        sweeperThread.start();
        sweeperThread.join();

        assertThat(warning.isOpened())
                .as("the sweeper's thread did not touch the UI it does not hold the lock of")
                .isFalse();
        deliverPushes();
        assertThat(warning.isOpened()).isTrue();
    }
}
