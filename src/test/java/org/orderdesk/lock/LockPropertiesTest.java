package org.orderdesk.lock;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Start-up refuses lock settings that cannot work, naming the setting. */
class LockPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(LockProperties.class)
    static class LockSettingsOnly {}

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(LockSettingsOnly.class);

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        context.run(started ->
                assertThat(started.getBean(LockProperties.class)).isEqualTo(DocumentedLockSettings.DEFAULTS));
    }

    @Test
    void shortLeasesForBrowserTestsAreFine() {
        context.withPropertyValues(
                        "orderdesk.lock.lease=24s",
                        "orderdesk.lock.renew-interval=2s",
                        "orderdesk.lock.idle-timeout=4s",
                        "orderdesk.lock.warn-before=21s",
                        "orderdesk.lock.sweep-interval=500ms")
                .run(started -> assertThat(started).hasNotFailed());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            orderdesk.lock.warn-before=2m       | orderdesk.lock.warn-before (2m) must be shorter than orderdesk.lock.lease (2m)
            orderdesk.lock.renew-interval=41s   | orderdesk.lock.renew-interval (41s) must be at most a third of orderdesk.lock.lease (2m)
            orderdesk.lock.warn-before=19s      | orderdesk.lock.warn-before (19s) minus orderdesk.lock.sweep-interval (5s) must be at least 20s
            orderdesk.lock.sweep-interval=41s   | orderdesk.lock.warn-before (1m) minus orderdesk.lock.sweep-interval (41s) must be at least 20s
            orderdesk.lock.warn-before=106s     | orderdesk.lock.warn-before (1m46s) must be at most orderdesk.lock.lease (2m) minus half of orderdesk.lock.renew-interval (30s)
            orderdesk.lock.idle-timeout=10s     | orderdesk.lock.idle-timeout (10s) must be at least orderdesk.lock.renew-interval (30s)
            orderdesk.lock.reservation=5s       | orderdesk.lock.reservation (5s) must be longer than orderdesk.lock.sweep-interval (5s)
            orderdesk.lock.reservation=0s       | orderdesk.lock.reservation (0s) must be positive
            orderdesk.lock.lease=0s             | orderdesk.lock.lease (0s) must be positive
            orderdesk.lock.sweep-interval=-5s   | orderdesk.lock.sweep-interval (-5s) must be positive
            orderdesk.lock.release-more-time=0s | orderdesk.lock.release-more-time (0s) must be positive
            orderdesk.lock.release-more-time=90s | orderdesk.lock.release-more-time (1m30s) must be whole minutes
            """)
    void aBadSettingStopsStartUpNamingIt(String setting, String message) {
        context.withPropertyValues(setting).run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure())
                    .rootCause()
                    .hasMessageStartingWith("Invalid lock settings: ")
                    .hasMessageContaining(message);
        });
    }

    /** The least warning the rules allow, with the default sweep interval: 25 s ahead, at most 5 s late. */
    @Test
    void aWarningThatLeavesExactlyTwentySecondsIsAllowed() {
        context.withPropertyValues("orderdesk.lock.warn-before=25s")
                .run(started -> assertThat(started).hasNotFailed());
    }

    @Test
    void theReminderAfterMoreTimeCannotComeLaterThanOneSweepAfterIt() {
        context.withPropertyValues(
                        "orderdesk.lock.lease=10m",
                        "orderdesk.lock.warn-before=3m",
                        "orderdesk.lock.sweep-interval=2m",
                        "orderdesk.lock.release-more-time=1m")
                .run(started -> {
                    assertThat(started).hasFailed();
                    assertThat(started.getStartupFailure())
                            .rootCause()
                            .hasMessageContaining("orderdesk.lock.sweep-interval (2m) must be shorter than"
                                    + " orderdesk.lock.release-more-time (1m)");
                });
    }

    @Test
    void aValueThatIsNotADurationIsRefusedByName() {
        context.withPropertyValues("orderdesk.lock.lease=two minutes").run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).hasMessageContaining("orderdesk.lock");
        });
    }
}
