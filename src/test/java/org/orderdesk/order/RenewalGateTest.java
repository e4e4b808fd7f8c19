package org.orderdesk.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orderdesk.order.RenewalGate.Decision.ACCEPTED;
import static org.orderdesk.order.RenewalGate.Decision.IDLE;
import static org.orderdesk.order.RenewalGate.Decision.TOO_SOON;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.orderdesk.TestClock;
import org.orderdesk.lock.DocumentedLockSettings;
import org.orderdesk.lock.LockProperties;

/** The defaults: renewals at most every 15 s (half the 30 s renew interval), idle after 5 minutes. */
class RenewalGateTest {

    private static final LockProperties SETTINGS = DocumentedLockSettings.DEFAULTS;
    private static final Duration HALF_INTERVAL = Duration.ofSeconds(15);
    private static final Duration ONE_MS = Duration.ofMillis(1);

    private final TestClock clock = new TestClock();
    private final RenewalGate gate = new RenewalGate(clock, SETTINGS);

    @Test
    void aHoldThatJustBeganIsNotRenewedForHalfARenewInterval() {
        assertThat(gate.admitRenewal()).isEqualTo(TOO_SOON);
        clock.advance(HALF_INTERVAL.minus(ONE_MS));
        assertThat(gate.admitRenewal()).isEqualTo(TOO_SOON);

        clock.advance(ONE_MS);

        assertThat(gate.admitRenewal()).isEqualTo(ACCEPTED);
    }

    @Test
    void afterARenewalTheNextWaitsHalfARenewIntervalHoweverOftenItIsAskedFor() {
        clock.advance(Duration.ofSeconds(30));
        assertThat(gate.admitRenewal()).isEqualTo(ACCEPTED);

        for (int call = 1; call < 150; call++) {
            clock.advance(Duration.ofMillis(100));
            assertThat(gate.admitRenewal())
                    .as("call %d, %d ms later", call, call * 100)
                    .isEqualTo(TOO_SOON);
        }
        clock.advance(Duration.ofMillis(100));

        assertThat(gate.admitRenewal())
                .as("refused calls do not push the next turn back")
                .isEqualTo(ACCEPTED);
    }

    @Test
    void aClerkIdleForLongerThanTheIdleTimeoutIsRefused() {
        clock.advance(Duration.ofMinutes(5));
        assertThat(gate.admitRenewal()).as("idle for exactly the timeout").isEqualTo(ACCEPTED);

        clock.advance(HALF_INTERVAL.plus(ONE_MS));

        assertThat(gate.admitRenewal()).isEqualTo(IDLE);
        assertThat(gate.admitRenewal()).as("an idle refusal is not a renewal").isEqualTo(IDLE);
    }

    @Test
    void activityTheServerSeesLetsTheNextRenewalThrough() {
        clock.advance(Duration.ofMinutes(6));
        assertThat(gate.admitRenewal()).isEqualTo(IDLE);

        gate.activity();

        assertThat(gate.admitRenewal()).isEqualTo(ACCEPTED);
    }

    @Test
    void theBrowsersReportSaysWhenTheClerkLastActed() {
        clock.advance(Duration.ofMinutes(6));

        gate.reported(Duration.ofMinutes(1).toMillis());

        assertThat(gate.admitRenewal()).isEqualTo(ACCEPTED);
        clock.advance(Duration.ofMinutes(4));
        assertThat(gate.admitRenewal())
                .as("5 minutes after the reported activity")
                .isEqualTo(ACCEPTED);
        clock.advance(HALF_INTERVAL);
        assertThat(gate.admitRenewal()).isEqualTo(IDLE);
    }

    @Test
    void aReportOfNoActivityWithinTheIdleTimeoutOrOfNoNumberChangesNothing() {
        clock.advance(Duration.ofMinutes(6));

        gate.reported(Duration.ofMinutes(5).plus(ONE_MS).toMillis());
        gate.reported(Double.NaN);
        gate.reported(Double.POSITIVE_INFINITY);
        gate.reported(Double.MAX_VALUE);

        assertThat(gate.admitRenewal()).isEqualTo(IDLE);
    }

    @Test
    void aReportFromTheFutureCountsAsNow() {
        clock.advance(Duration.ofMinutes(6));

        gate.reported(-Duration.ofHours(1).toMillis());

        assertThat(gate.admitRenewal()).isEqualTo(ACCEPTED);
        clock.advance(Duration.ofMinutes(5).plus(ONE_MS));
        assertThat(gate.admitRenewal()).isEqualTo(IDLE);
    }

    @Test
    void anOlderReportDoesNotMoveTheLastActivityBack() {
        clock.advance(Duration.ofMinutes(4));
        gate.activity();
        clock.advance(Duration.ofMinutes(4));

        gate.reported(Duration.ofSeconds(290).toMillis());
        clock.advance(Duration.ofSeconds(59));

        assertThat(gate.admitRenewal())
                .as("active 4:59 ago, as the server saw, not 5:49 ago, as the browser last saw")
                .isEqualTo(ACCEPTED);
    }
}
