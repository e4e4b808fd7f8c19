package org.orderdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** What the server tells the browser to enforce, read from real responses of the running server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SecurityHeadersTest {

    @LocalServerPort
    int port;

    @Test
    void theSessionCookieIsSameSiteLaxAndHttpOnlyBeforeAndAfterSigningIn() {
        WebClient browser = new WebClient(port);

        HttpResponse<String> loginPage = browser.get("/login");
        HttpResponse<String> signedIn = browser.postForm(
                "/login", Map.of("username", "alice", "password", "alice", "_csrf", csrfToken(loginPage)));

        assertThat(sessionCookie(loginPage)).contains("; HttpOnly").containsIgnoringCase("; SameSite=Lax");
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(sessionCookie(signedIn))
                .as("the new session id given on signing in")
                .contains("; HttpOnly")
                .containsIgnoringCase("; SameSite=Lax");
    }

    @Test
    void pagesCarryAContentSecurityPolicyThatVaadinCanLiveWith() {
        WebClient browser = new WebClient(port);
        HttpResponse<String> loginPage = browser.get("/login");
        browser.signIn("alice", "alice");
        HttpResponse<String> ordersPage = browser.get("/orders");

        assertThat(ordersPage.statusCode()).isEqualTo(200);
        for (HttpResponse<String> page : List.of(loginPage, ordersPage)) {
            Map<String, String> policy = policy(page);
            assertThat(policy)
                    .containsEntry("default-src", "'self'")
                    .containsEntry("frame-ancestors", "'none'")
                    .containsEntry("object-src", "'none'")
                    .containsEntry("base-uri", "'self'")
                    .containsEntry("form-action", "'self'")
                    // Vaadin Flow runs inline and eval'd script, and sets inline styles.
                    .containsEntry("script-src", "'self' 'unsafe-inline' 'unsafe-eval'")
                    .containsEntry("style-src", "'self' 'unsafe-inline'")
                    .containsEntry("img-src", "'self' data:")
                    .containsEntry("font-src", "'self' data:")
                    // Push: a WebSocket back to this origin, which 'self' covers.
                    .containsEntry("connect-src", "'self'");
            // Spring Security's other headers reach these pages too (they used not to: see SecurityConfig).
            assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
    }

    private static String csrfToken(HttpResponse<String> page) {
        var matcher = java.util.regex.Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"")
                .matcher(page.body());
        assertThat(matcher.find()).as("the page's _csrf meta tag").isTrue();
        return matcher.group(1);
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No session cookie in " + response.headers()));
    }

    /** The directives of the page's Content-Security-Policy header, by name. */
    private static Map<String, String> policy(HttpResponse<String> page) {
        String header = page.headers()
                .firstValue("Content-Security-Policy")
                .orElseThrow(() -> new AssertionError("No Content-Security-Policy on " + page.uri()));
        return Arrays.stream(header.split(";"))
                .map(String::strip)
                .filter(directive -> !directive.isEmpty())
                .collect(Collectors.toMap(
                        directive -> directive.split(" ", 2)[0],
                        directive -> directive.contains(" ") ? directive.split(" ", 2)[1] : ""));
    }
}
