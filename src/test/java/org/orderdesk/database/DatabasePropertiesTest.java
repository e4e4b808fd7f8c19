package org.orderdesk.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The database is probed every 2 s unless set; start-up refuses an interval that would crowd the pool. */
class DatabasePropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(DatabaseProperties.class)
    static class DatabaseSettingsOnly {}

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(DatabaseSettingsOnly.class);

    @Test
    void theDatabaseIsProbedEveryTwoSecondsUnlessSet() {
        context.run(
                started -> assertThat(started.getBean(DatabaseProperties.class).probeInterval())
                        .isEqualTo(Duration.ofSeconds(2)));
        context.withPropertyValues("orderdesk.database.probe-interval=500ms")
                .run(started -> assertThat(
                                started.getBean(DatabaseProperties.class).probeInterval())
                        .isEqualTo(Duration.ofMillis(500)));
    }

    @Test
    void aProbeIntervalBelowFiftyMillisecondsIsRefusedNamingTheSetting() {
        context.withPropertyValues("orderdesk.database.probe-interval=10ms")
                .run(started -> assertThat(started)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessage("orderdesk.database.probe-interval must be at least 50ms, was 10ms"));
    }
}
