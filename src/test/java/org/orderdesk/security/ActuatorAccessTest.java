package org.orderdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Who may read the operators' endpoints, over real HTTP: health is public and says only whether
 * the application is up; info and metrics are for supervisors, so a visitor is sent to the login
 * and a clerk is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ActuatorAccessTest {

    private static final List<String> SUPERVISORS_ONLY =
            List.of("/actuator/info", "/actuator/metrics", "/actuator/metrics/orderdesk.locks.held");

    @LocalServerPort
    int port;

    @Test
    void anyoneMayAskWhetherTheApplicationIsUpButLearnsNothingMore() {
        HttpResponse<String> health = new WebClient(port).getJson("/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("components", "details", "db");
    }

    @Test
    void aVisitorWhoIsNotSignedInIsSentToTheLoginForInfoAndMetrics() {
        WebClient visitor = new WebClient(port);
        for (String path : SUPERVISORS_ONLY) {
            HttpResponse<String> page = visitor.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(302);
            assertThat(page.headers().firstValue("Location"))
                    .as(path)
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
            assertThat(page.body()).as(path).doesNotContain("orderdesk.locks");
        }
    }

    @Test
    void aMonitoringToolWithoutCredentialsGetsNoMetrics() {
        WebClient tool = new WebClient(port);
        for (String path : SUPERVISORS_ONLY) {
            HttpResponse<String> response = tool.getJson(path);
            assertThat(response.statusCode()).as(path).isIn(302, 401);
            assertThat(response.body()).as(path).doesNotContain("orderdesk.locks");
        }
    }

    @Test
    void aClerkIsRefusedInfoAndMetrics() {
        WebClient alice = new WebClient(port);
        alice.signIn("alice", "alice");
        for (String path : SUPERVISORS_ONLY) {
            HttpResponse<String> response = alice.getJson(path);
            assertThat(response.statusCode()).as(path).isEqualTo(403);
            assertThat(response.body()).as(path).doesNotContain("orderdesk.locks");
        }
    }

    @Test
    void aSupervisorReadsInfoAndMetrics() {
        WebClient sam = new WebClient(port);
        sam.signIn("sam", "sam");

        assertThat(sam.getJson("/actuator/info").statusCode()).isEqualTo(200);
        HttpResponse<String> metrics = sam.getJson("/actuator/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("orderdesk.locks.held");
        HttpResponse<String> held = sam.getJson("/actuator/metrics/orderdesk.locks.held");
        assertThat(held.statusCode()).isEqualTo(200);
        assertThat(held.body()).contains("\"name\":\"orderdesk.locks.held\"");
    }
}
