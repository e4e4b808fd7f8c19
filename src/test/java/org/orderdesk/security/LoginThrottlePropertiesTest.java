package org.orderdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Start-up refuses sign-in throttling settings that cannot work, naming the setting. */
class LoginThrottlePropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(LoginThrottleProperties.class)
    static class LoginSettingsOnly {}

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(LoginSettingsOnly.class);

    @Test
    void theDefaultsAreFivePerUsernameTwentyPerAddressForFifteenMinutes() {
        context.run(started -> assertThat(started.getBean(LoginThrottleProperties.class))
                .isEqualTo(new LoginThrottleProperties(5, 20, Duration.ofMinutes(15))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            orderdesk.login.max-failures-per-username=0  | orderdesk.login.max-failures-per-username (0) must be at least 1
            orderdesk.login.max-failures-per-address=-1  | orderdesk.login.max-failures-per-address (-1) must be at least 1
            orderdesk.login.lock-duration=0s             | orderdesk.login.lock-duration (0s) must be positive
            """)
    void aBadSettingStopsStartUpNamingIt(String setting, String message) {
        context.withPropertyValues(setting).run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("Invalid login settings")
                    .hasMessageContaining(message);
        });
    }
}
