package org.orderdesk.order.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.orderdesk.lock.LockProperties;
import org.orderdesk.ui.PushProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Start-up refuses settings under which the pushed expiry warning could leave a clerk less than 20 s. */
class ExpiryWarningTimingTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({LockProperties.class, PushProperties.class})
    @Import(ExpiryWarningTiming.class)
    static class TimingOnly {}

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(TimingOnly.class);

    @Test
    void theDefaultsLeaveFarMoreThanTwentySeconds() {
        context.run(started -> assertThat(started).hasNotFailed());
    }

    @Test
    void aSlowPushThatCouldEatIntoTheTwentySecondsStopsStartUpNamingAllThreeSettings() {
        context.withPropertyValues(
                        "orderdesk.lock.warn-before=25s",
                        "orderdesk.lock.sweep-interval=5s",
                        "orderdesk.push.min-interval=1s")
                .run(started -> {
                    assertThat(started).hasFailed();
                    assertThat(started.getStartupFailure())
                            .rootCause()
                            .hasMessage("Invalid lock settings: orderdesk.lock.warn-before (25s) minus"
                                    + " orderdesk.lock.sweep-interval (5s) and orderdesk.push.min-interval (1s)"
                                    + " must be at least 20s: the expiry warning must reach the clerk that long"
                                    + " before the lock ends");
                });
    }

    @Test
    void theBrowserTestsShortTimingsPass() {
        context.withPropertyValues(
                        "orderdesk.lock.lease=24s",
                        "orderdesk.lock.renew-interval=2s",
                        "orderdesk.lock.idle-timeout=4s",
                        "orderdesk.lock.warn-before=21s",
                        "orderdesk.lock.sweep-interval=500ms")
                .run(started -> assertThat(started).hasNotFailed());
    }
}
