package org.orderdesk.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orderdesk.lock.LockTestData.ALICE;
import static org.orderdesk.lock.LockTestData.BOB;
import static org.orderdesk.lock.LockTestData.SAM;
import static org.orderdesk.lock.LockTestData.tabOf;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orderdesk.IntegrationTest;
import org.orderdesk.lock.AcquireOutcome.Acquired;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.actuate.endpoint.MetricsEndpoint;

/** Operators see lock activity under /actuator/metrics. */
@IntegrationTest
class LockMetricsTest extends LockEngineTest {

    @Autowired
    MeterRegistry registry;

    @Autowired
    MetricsEndpoint metricsEndpoint;

    @Test
    void theActuatorListsTheLockMetrics() {
        assertThat(metricsEndpoint.listNames().getNames())
                .contains(
                        "orderdesk.locks.held",
                        "orderdesk.locks.acquisitions",
                        "orderdesk.locks.conflicts",
                        "orderdesk.locks.renewals",
                        "orderdesk.locks.expirations",
                        "orderdesk.locks.takeovers",
                        "orderdesk.locks.breaks");
    }

    @Test
    void countersFollowWhatHappensToLocks() {
        double[] before = counts();
        LockHolder alice = tabOf(ALICE);
        Acquired alices = (Acquired) locks.acquire(ResourceId.order(1), alice);
        locks.acquire(ResourceId.order(1), tabOf(BOB));
        locks.renew(ResourceId.order(1), alice.holderKey(), alices.token());
        takeOver(ResourceId.order(1), tabOf(SAM), "Phone call");
        breakLock(ResourceId.order(1), SAM, "Finished");
        locks.acquire(ResourceId.order(2), alice);
        locks.acquire(ResourceId.order(3), alice);
        assertThat(held()).isEqualTo(2);
        clock.advance(Duration.ofSeconds(121));
        sweeper.sweep();

        double[] after = counts();
        assertThat(new double[] {
                    after[0] - before[0],
                    after[1] - before[1],
                    after[2] - before[2],
                    after[3] - before[3],
                    after[4] - before[4],
                    after[5] - before[5]
                })
                .as("acquisitions, conflicts, renewals, expirations, take-overs, breaks")
                .containsExactly(3, 1, 1, 2, 1, 1);
        assertThat(held()).isZero();
    }

    private double[] counts() {
        return List.of("acquisitions", "conflicts", "renewals", "expirations", "takeovers", "breaks").stream()
                .mapToDouble(name ->
                        registry.get("orderdesk.locks." + name).counter().count())
                .toArray();
    }

    private double held() {
        return metricsEndpoint
                .metric("orderdesk.locks.held", null)
                .getMeasurements()
                .getFirst()
                .getValue();
    }
}
