package org.orderdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * What an operator's monitor sees of a database that goes away: {@code /actuator/health}, asked
 * over HTTP without signing in, answers 503 DOWN while the database is stopped and 200 UP once it
 * is back. The context closes after the class, so that nothing of it keeps knocking at a database
 * that another test may no longer run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext
abstract class DatabaseHealthTest {

    private static final Pattern OVERALL_STATUS = Pattern.compile("\"status\":\"(\\w+)\"");
    private static final Duration SOON = Duration.ofSeconds(20);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    abstract StoppableDatabase database();

    @Test
    void healthIsDownWhileTheDatabaseIsStoppedAndUpOnceItIsBack() throws Exception {
        assertThat(health()).isEqualTo(new Health(200, "UP"));

        long stoppedAt = System.nanoTime();
        database().stop();
        try {
            await().atMost(SOON).until(() -> health().equals(new Health(503, "DOWN")));
            assertThat(databaseHealth())
                    .as("the database's own component says why")
                    .isEqualTo(Status.DOWN);
            System.out.printf(
                    "%s: health DOWN %d ms after the database stopped%n",
                    getClass().getSimpleName(), millisSince(stoppedAt));
        } finally {
            database().start();
        }
        long startedAt = System.nanoTime();

        await().atMost(SOON).until(() -> health().equals(new Health(200, "UP")));
        assertThat(databaseHealth()).isEqualTo(Status.UP);
        System.out.printf(
                "%s: health UP %d ms after the database started%n", getClass().getSimpleName(), millisSince(startedAt));
    }

    private Status databaseHealth() {
        return context.getBean("dbHealthContributor", HealthIndicator.class)
                .health()
                .getStatus();
    }

    /** The answer's status code and the overall status in its body. */
    record Health(int code, String status) {}

    private Health health() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        // Only the overall status is public: anonymous callers see no components or details.
        Matcher status = OVERALL_STATUS.matcher(response.body());
        return new Health(response.statusCode(), status.find() ? status.group(1) : response.body());
    }

    private static long millisSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
    }
}
