package org.orderdesk.order.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.orderdesk.lock.AcquireOutcome;
import org.orderdesk.lock.LockInfo;
import org.orderdesk.lock.LockTakeOvers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The expiry warning and the lock's state for a clerk who works with the keyboard or a screen
 * reader: told up front how long inactivity may last, warned in an assertive live region with the
 * time left in words, extended by Alt+K any number of times, and told when the lock is lost.
 */
class ExpiryWarningAccessibilityTest extends EditorTest {

    @Autowired
    LockTakeOvers takeOvers;

    @Test
    void theStatusBarSaysHowLongInactivityMayLastBeforeTheLockLapses() {
        edit(331);

        // Idle timeout 5 min; the last renewal up to one 30 s renew interval before it; then a 2 min lease.
        assertThat(inactivityNotice()).isEqualTo("Without activity here, your lock lapses after 6 min 30 s to 7 min");
    }

    @Test
    void onlyTheLockStateIsALiveRegionAndNoCountdownIsReadOutEverySecond() {
        edit(332);

        Span state = $(Span.class).withClassName("lock-state").single();
        assertThat(state.getElement().getAttribute("role")).isEqualTo("status");
        assertThat(state.getText()).isEqualTo("You are editing");
        assertThat($(Div.class)
                        .withClassName("lock-status")
                        .single()
                        .getElement()
                        .hasAttribute("role"))
                .as("renewals change the rest of the bar every 30 s; they are not announced")
                .isFalse();
        assertThat($(Span.class).withClassName("lock-countdown").all())
                .isNotEmpty()
                .allSatisfy(countdown -> assertThat(countdown.getElement().getAttribute("aria-hidden"))
                        .isEqualTo("true"));
    }

    @Test
    void theWarningIsAnAssertiveAlertWithTheTimeLeftInWordsAndTheShortcut() {
        edit(333);

        letTheWarningCome(333);

        assertThat(expiryWarning().isAssertive()).isTrue();
        assertThat($(Span.class, expiryWarning())
                        .withClassName("sr-only")
                        .single()
                        .getText())
                .isEqualTo("59 seconds. To keep editing, press Alt+K.");
        Button keep = button("Keep editing");
        assertThat(keep.getElement().getAttribute("aria-keyshortcuts")).isEqualTo("Alt+K");
        assertThat($(Span.class, keep).withClassName("shortcut-hint").single().getText())
                .isEqualTo("Alt+K");
        assertThat($(Span.class, expiryWarning())
                        .withClassName("lock-countdown")
                        .single()
                        .getElement()
                        .getAttribute("aria-hidden"))
                .isEqualTo("true");
    }

    @Test
    void altKExtendsTheLockFromTheWarningAgainAndAgain() {
        edit(334);

        for (int warning = 1; warning <= 3; warning++) {
            letTheWarningCome(334);
            assertThat(expiryWarning().isOpened()).as("warning %d", warning).isTrue();
            scriptCalls();

            fireShortcut(Key.KEY_K, KeyModifier.ALT);

            assertThat(heldLock(334).expiresAt()).isEqualTo(clock.instant().plus(settings.lease()));
            assertThat(expiryWarning().isOpened())
                    .as("warning %d closed", warning)
                    .isFalse();
            assertThat(scriptCalls())
                    .as("the browser renews on, as if the clerk had typed")
                    .anySatisfy(call -> assertThat(call).contains("window.orderdesk.lockHeartbeat.markActive(this)"));
        }
    }

    @Test
    void theLossOfTheLockIsAnnouncedAsAnAlertAndInTheStatus() {
        edit(335);
        LockInfo held = heldLock(335);
        assertThat(takeOvers.takeOver(held.resource(), held.token(), SAMS_TAB, "Customer on the phone"))
                .isInstanceOf(AcquireOutcome.Acquired.class);

        deliverPushes();

        Div lost = $(Div.class).withClassName("lock-lost").single();
        assertThat(lost.getElement().getAttribute("role")).isEqualTo("alert");
        assertThat(lockLostReason()).startsWith("Lock lost to Sam");
        Span state = $(Span.class).withClassName("lock-state").single();
        assertThat(state.getText()).isEqualTo("You no longer hold the lock: your changes are kept below, read-only");
        assertThat(state.getElement().getAttribute("role")).isEqualTo("status");
        assertThat($(Span.class).withClassName("lock-inactivity").exists()).isFalse();
    }

    @Test
    void theTimeLeftReadsInWords() {
        assertThat(ExpiryWarning.inWords(Duration.ofSeconds(59))).isEqualTo("59 seconds");
        assertThat(ExpiryWarning.inWords(Duration.ofSeconds(1))).isEqualTo("1 second");
        assertThat(ExpiryWarning.inWords(Duration.ofSeconds(65))).isEqualTo("1 minute 5 seconds");
        assertThat(ExpiryWarning.inWords(Duration.ofSeconds(120))).isEqualTo("2 minutes");
        assertThat(LockStatusBar.span(Duration.ofSeconds(26))).isEqualTo("26 s");
        assertThat(LockStatusBar.span(Duration.ofSeconds(3900))).isEqualTo("1 h 5 min");
    }

    private String inactivityNotice() {
        return $(Span.class).withClassName("lock-inactivity").single().getText();
    }

    /** Lets the lease come within warn-before of its end, unrenewed; the sweeper warns, push delivers. */
    private void letTheWarningCome(long orderId) {
        Instant warnFrom = heldLock(orderId).expiresAt();
        advance(Duration.between(clock.instant(), warnFrom.minus(settings.warnBefore()))
                .plusSeconds(1));
        sweeper.sweep();
        deliverPushes();
    }
}
