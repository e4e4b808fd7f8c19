package org.orderdesk.order.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.orderdesk.lock.AuditFilter;
import org.orderdesk.lock.LockAction;
import org.orderdesk.lock.LockAuditEntry;
import org.orderdesk.lock.LockAuditTrail;
import org.orderdesk.lock.ResourceId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

/**
 * Alice, asked by Bob to release an order she edits, answers "Give me 5 minutes" or "Not now"
 * with a short message. Bob reads the answer under the banner of the order's read-only view and,
 * in his other tab, as a notification; Alice is reminded once her 5 minutes have passed.
 */
class ReleaseAnswerTest extends ClerksTest {

    @Autowired
    LockAuditTrail auditTrail;

    /** Alice edits the order; Bob asks her to release it from its read-only view and has the grid open in another tab. */
    private Clerks aliceEditsAndBobAsks(long orderId) {
        BrowserlessUIContext alice = signIn("alice");
        alice.navigate("orders/" + orderId + "/edit", OrderEditorView.class);
        BrowserlessUIContext bob = signIn("bob");
        bob.navigate("orders/" + orderId, OrderView.class);
        BrowserlessUIContext bobsGrid = newTab(bob);
        bobsGrid.navigate(OrdersView.class);

        click(bob, "Ask Alice to release");
        deliverPushes();
        return new Clerks(alice, bob, bobsGrid);
    }

    private record Clerks(BrowserlessUIContext alice, BrowserlessUIContext bob, BrowserlessUIContext bobsGrid) {}

    /** What the read-only view says under its banner about the holder's answer; empty while hidden. */
    private static String answerLine(BrowserlessUIContext window) {
        window.activate();
        return window.find(Div.class).withClassName("release-answer").all().stream()
                .map(Div::getText)
                .findFirst()
                .orElse("");
    }

    private static TextField messageField(BrowserlessUIContext window, Notification request) {
        window.activate();
        return window.find(TextField.class, request)
                .withClassName("release-answer-message")
                .single();
    }

    private LockAuditEntry latestAuditEntry(long orderId) {
        return auditTrail
                .entries(new AuditFilter(ResourceId.order(orderId), null), PageRequest.of(0, 1))
                .getFirst();
    }

    @Test
    void giveMeFiveMinutesIsShownToBobInTheOrderAndInHisOtherTabAndAudited() {
        Clerks clerks = aliceEditsAndBobAsks(71);

        click(clerks.alice(), notice(clerks.alice(), "Bob asks to edit"), "Give me 5 minutes");
        deliverPushes();

        assertThat(notices(clerks.alice())).contains("Bob is told you need about 5 more minutes");
        assertThat(answerLine(clerks.bob())).isEqualTo("Alice needs about 5 more minutes");
        assertThat(notices(clerks.bob())).noneMatch(text -> text.contains("needs about"));
        assertThat(notices(clerks.bobsGrid())).contains("Alice needs about 5 more minutes on order OD-000071");
        LockAuditEntry audited = latestAuditEntry(71);
        assertThat(audited.action()).isEqualTo(LockAction.RELEASE_DEFERRED);
        assertThat(audited.actor().displayName()).isEqualTo("Alice");
        assertThat(audited.reason()).isEqualTo("To Bob");
    }

    @Test
    void notNowWithAMessageIsShownToBobWordForWordAndAudited() {
        Clerks clerks = aliceEditsAndBobAsks(72);
        Notification request = notice(clerks.alice(), "Bob asks to edit");

        messageField(clerks.alice(), request).setValue("finishing the invoice");
        click(clerks.alice(), request, "Not now");
        deliverPushes();

        assertThat(notices(clerks.alice())).contains("Bob is told: not now");
        assertThat(answerLine(clerks.bob())).isEqualTo("Alice: not now — “finishing the invoice”");
        assertThat(notices(clerks.bobsGrid()))
                .contains("Alice: not now to your request for order OD-000072 — “finishing the invoice”");
        LockAuditEntry audited = latestAuditEntry(72);
        assertThat(audited.action()).isEqualTo(LockAction.RELEASE_DECLINED);
        assertThat(audited.reason()).isEqualTo("To Bob: finishing the invoice");
    }

    @Test
    void theAnswerUnderTheBannerGoesWhenAliceLetsGo() {
        Clerks clerks = aliceEditsAndBobAsks(73);
        click(clerks.alice(), notice(clerks.alice(), "Bob asks to edit"), "Not now");
        deliverPushes();
        assertThat(answerLine(clerks.bob())).isEqualTo("Alice: not now");

        click(clerks.alice(), "Cancel");
        deliverPushes();

        assertThat(answerLine(clerks.bob())).isEmpty();
        // Asking put Bob in the line: the order is his turn now.
        assertThat(banner(clerks.bob())).isEqualTo("Reserved for you · 0:30 — it is your turn");
    }

    @Test
    void aMessageTheServerRefusesStaysInItsFieldWithTheReasonAndNothingIsSent() {
        Clerks clerks = aliceEditsAndBobAsks(74);
        Notification request = notice(clerks.alice(), "Bob asks to edit");
        TextField message = messageField(clerks.alice(), request);
        String tooLong = "finishing the invoice ".repeat(10);

        message.setValue(tooLong);
        click(clerks.alice(), request, "Not now");
        deliverPushes();

        assertThat(request.isOpened()).isTrue();
        assertThat(message.getValue()).isEqualTo(tooLong);
        assertThat(message.isInvalid()).isTrue();
        assertThat(message.getErrorMessage()).isEqualTo("The message is limited to 200 characters");
        assertThat(answerLine(clerks.bob())).isEmpty();
        assertThat(latestAuditEntry(74).action()).isEqualTo(LockAction.RELEASE_REQUESTED);

        message.setValue("finishing the invoice");
        click(clerks.alice(), request, "Not now");
        deliverPushes();
        assertThat(answerLine(clerks.bob())).isEqualTo("Alice: not now — “finishing the invoice”");
    }

    @Test
    void aliceIsRemindedInTheEditorOnceHerFiveMinutesHavePassed() {
        Clerks clerks = aliceEditsAndBobAsks(75);
        click(clerks.alice(), notice(clerks.alice(), "Bob asks to edit"), "Give me 5 minutes");
        deliverPushes();

        aliceKeepsEditingFor(clerks.alice(), settings.releaseMoreTime().minusSeconds(1));
        sweeper.sweep();
        deliverPushes();
        assertThat(notices(clerks.alice())).noneMatch(text -> text.startsWith("Time is up"));

        aliceKeepsEditingFor(clerks.alice(), Duration.ofSeconds(1));
        sweeper.sweep();
        deliverPushes();

        assertThat(notices(clerks.alice()))
                .contains("Time is up: Bob still waits to edit order OD-000075 (you asked for 5 more minutes)");
        click(clerks.alice(), notice(clerks.alice(), "Time is up"), "Release now");
        deliverPushes();
        assertThat(locks.find(ResourceId.order(75))).isEmpty();
        assertThat(banner(clerks.bob())).isEqualTo("Reserved for you · 0:30 — it is your turn");
    }

    @Test
    void aliceIsNotRemindedWhenSheReleasedBeforeHerFiveMinutesPassed() {
        Clerks clerks = aliceEditsAndBobAsks(76);
        click(clerks.alice(), notice(clerks.alice(), "Bob asks to edit"), "Give me 5 minutes");
        deliverPushes();
        clock.advance(Duration.ofMinutes(1));
        click(clerks.alice(), "Cancel");
        // Bob, whose turn it is now, lets it go; Alice edits the order again at once: a reminder of
        // her earlier hold would be stale.
        deliverPushes();
        click(clerks.bob(), "Decline");
        deliverPushes();
        clerks.alice().navigate("orders/76/edit", OrderEditorView.class);

        aliceKeepsEditingFor(clerks.alice(), settings.releaseMoreTime());
        sweeper.sweep();
        deliverPushes();

        assertThat(notices(clerks.alice())).noneMatch(text -> text.startsWith("Time is up"));
    }

    @Test
    void unansweredBobIsToldOnceThatTheOrderIsFreeWhenAlicesLeaseLapses() {
        Clerks clerks = aliceEditsAndBobAsks(77);
        clerks.bob().navigate(OrdersView.class);

        clock.advance(settings.lease().plusSeconds(1));
        sweeper.sweep();
        deliverPushes();

        assertThat(locks.find(ResourceId.order(77))).isEmpty();
        long told = notices(clerks.bob()).stream()
                        .filter("Order OD-000077 is free now"::equals)
                        .count()
                + notices(clerks.bobsGrid()).stream()
                        .filter("Order OD-000077 is free now"::equals)
                        .count();
        assertThat(told).as("told in one of Bob's tabs, once").isOne();
    }

    /** Alice types now and then, so that her editor renews the lock as a browser would. */
    private void aliceKeepsEditingFor(BrowserlessUIContext alice, Duration time) {
        Duration step = Duration.ofSeconds(30);
        for (Duration passed = Duration.ZERO; passed.compareTo(time) < 0; passed = passed.plus(step)) {
            clock.advance(time.minus(passed).compareTo(step) < 0 ? time.minus(passed) : step);
            alice.activate();
            ((OrderEditorView) alice.getCurrentView()).renewLock(0);
        }
    }

    private static String banner(BrowserlessUIContext window) {
        return Screens.banner(window);
    }
}
