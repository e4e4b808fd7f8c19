package org.orderdesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.orderdesk.browser.BrowserSession.screenshot;
import static org.orderdesk.browser.LockLatency.orderNumber;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.orderdesk.browser.LockLatency.Clerk;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Real Chromium under the app's Content-Security-Policy: the pages send it, nothing on them
 * breaks it, and push (a WebSocket back to the same origin) still brings a lock Alice takes into
 * Bob's grid.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CspBrowserIT extends BrowserTest {

    /**
     * Runs before any script of every page: reports each violation the browser sees to the test.
     * (Playwright injects it and the binding itself, so the policy does not apply to them.)
     */
    private static final String REPORT_VIOLATIONS = """
            document.addEventListener('securitypolicyviolation', (event) => window.reportCspViolation(
                location.pathname + ': ' + event.effectiveDirective + ' blocked ' + event.blockedURI.slice(0, 100)
                    + ' (' + event.sourceFile + ':' + event.lineNumber + ')'));
            """;

    private final List<String> violations = new CopyOnWriteArrayList<>();

    @Test
    void pagesSendThePolicyBreakNothingUnderItAndPushStillBringsAlicesLockIntoBobsGrid() {
        long orderId = 3;
        String number = orderNumber(orderId);
        Page alice = watchedWindow();
        Page bob = watchedWindow();
        List<String> bobsWebSockets = new CopyOnWriteArrayList<>();
        bob.onWebSocket(socket -> bobsWebSockets.add(socket.url()));

        Response loginPage = alice.navigate(url("/login"));
        assertThat(loginPage.headerValue("content-security-policy")).contains("frame-ancestors 'none'");
        LockLatency.signIn(alice, url(""), "alice", "Alice");
        Clerk bobsGrid = LockLatency.signIn(bob, url(""), "bob", "Bob");
        LockLatency.awaitFree(bobsGrid, orderId);

        Response editorPage = alice.navigate(url("/orders/" + orderId + "/edit"));
        assertThat(editorPage.headerValue("content-security-policy"))
                .contains("script-src 'self' 'unsafe-inline' 'unsafe-eval'")
                .contains("connect-src 'self'")
                .contains("object-src 'none'");
        assertThat(alice.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Edit order " + number)))
                .isVisible();
        assertThat(alice.locator(".lock-status")).containsText("You are editing");

        bob.waitForFunction("([n, h]) => orderdeskTest.shows(n, h)", List.of(number, "Alice"));
        screenshot(bob, "csp-bob-sees-alices-lock");
        assertThat(bobsWebSockets)
                .as("push came over a WebSocket, not the long-polling fallback")
                .anySatisfy(socket -> assertThat(socket).contains("v-r=push"));
        assertThat(violations).as("Content-Security-Policy violations").isEmpty();
    }

    /** A clerk's window whose every CSP violation, reported by event or on the console, ends up in {@link #violations}. */
    private Page watchedWindow() {
        Page page = browser.newClerkWindow();
        opened.add(page.context());
        page.context().exposeFunction("reportCspViolation", arguments -> {
            violations.add(String.valueOf(arguments[0]));
            return null;
        });
        page.context().addInitScript(REPORT_VIOLATIONS);
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                // The message quotes what was blocked, a whole data: URI at times.
                violations.add("console: " + abbreviate(message.text()));
            }
        });
        return page;
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 150) + " … " + text.substring(text.length() - 150);
    }
}
