package org.orderdesk.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The documented heartbeat settings, and start-up refusing a node timeout a late heartbeat could reach. */
class ClusterPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ClusterProperties.class)
    static class ClusterSettingsOnly {}

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(ClusterSettingsOnly.class);

    @Test
    void aDeadNodesViewersGoWithinThirtySecondsOfItsLastHeartbeatByDefault() {
        context.run(started -> {
            ClusterProperties settings = started.getBean(ClusterProperties.class);
            assertThat(settings.heartbeatInterval()).isEqualTo(Duration.ofSeconds(10));
            assertThat(settings.nodeTimeout()).isEqualTo(Duration.ofSeconds(30));
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            orderdesk.cluster.node-timeout=10s        | orderdesk.cluster.node-timeout (10s) must be longer than orderdesk.cluster.heartbeat-interval (10s)
            orderdesk.cluster.heartbeat-interval=1m   | orderdesk.cluster.node-timeout (30s) must be longer than orderdesk.cluster.heartbeat-interval (1m)
            orderdesk.cluster.heartbeat-interval=0s   | orderdesk.cluster.heartbeat-interval (0s) must be positive
            """)
    void aBadHeartbeatSettingStopsStartUpNamingIt(String setting, String message) {
        context.withPropertyValues(setting).run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).rootCause().hasMessage(message);
        });
    }
}
