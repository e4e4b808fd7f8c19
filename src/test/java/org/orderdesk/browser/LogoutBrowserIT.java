package org.orderdesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.orderdesk.browser.BrowserSession.screenshot;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.orderdesk.lock.LockService;
import org.orderdesk.lock.ResourceId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Real Chromium: logging out is a POST with the session's CSRF token. Another site that sends a
 * clerk's browser to {@code /logout} signs nobody out and releases no lock. Each test edits its
 * own order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LogoutBrowserIT extends BrowserTest {

    @Autowired
    LockService locks;

    @Test
    void anotherSiteSendingAlicesBrowserToLogoutSignsHerOutOfNothingAndHerLockStays() {
        Page alice = clerk("alice");
        edit(alice, 17);

        Page sentThere = browser.newTabOf(alice);
        sentThere.navigate(url("/logout"), new Page.NavigateOptions().setReferer("https://elsewhere.example/"));

        assertThat(sentThere.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out")))
                .isVisible();
        screenshot(sentThere, "logout-offered");
        Page later = browser.newTabOf(alice);
        later.navigate(url("/orders"));
        assertThat(later.locator(".current-user")).hasText("Alice");
        assertThat(alice.locator(".lock-status")).containsText("You are editing");
        assertThat(locks.find(ResourceId.order(17)))
                .hasValueSatisfying(lock -> assertThat(lock.holder().username()).isEqualTo("alice"));
    }

    @Test
    void theLogOutButtonOnThatPageDoesLogOut() {
        Page alice = clerk("alice");
        edit(alice, 19);
        Page sentThere = browser.newTabOf(alice);
        sentThere.navigate(url("/logout"));

        sentThere
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out"))
                .click();

        assertThat(sentThere).hasURL(Pattern.compile(".*/login$"));
        awaitReleased(19);
    }

    @Test
    void theAppsLogOutButtonPostsTheCsrfTokenAndEndsAtTheLoginWithTheLockReleased() {
        Page alice = clerk("alice");
        edit(alice, 21);
        List<Request> toLogout = new CopyOnWriteArrayList<>();
        alice.onRequest(request -> {
            if (request.url().matches(".*/logout([?#].*)?$")) {
                toLogout.add(request);
            }
        });

        alice.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out"))
                .click();

        assertThat(alice).hasURL(Pattern.compile(".*/login$"));
        assertThat(toLogout).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.postData()).containsPattern("(^|&)_csrf=[^&]+");
        });
        awaitReleased(21);
        alice.navigate(url("/orders"));
        assertThat(alice).hasURL(Pattern.compile(".*/login$"));
    }

    @Test
    void withUnsavedChangesTheAppsLogOutButtonAsksFirstThenLogsOut() {
        Page alice = clerk("alice");
        edit(alice, 23);
        Locator notes = alice.getByLabel("Notes");
        notes.fill("Not saved yet");
        notes.blur();
        assertThat(alice.locator(".order-editor[unsaved]")).isAttached();

        alice.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out"))
                .click();
        Locator ask = alice.getByRole(AriaRole.ALERTDIALOG);
        assertThat(ask).containsText("Discard unsaved changes?");
        assertThat(alice).hasURL(Pattern.compile(".*/orders/23/edit$"));
        assertThat(locks.find(ResourceId.order(23))).isPresent();
        ask.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Discard changes"))
                .click();

        assertThat(alice).hasURL(Pattern.compile(".*/login$"));
        awaitReleased(23);
    }

    private void awaitReleased(long orderId) {
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> locks.find(ResourceId.order(orderId)).isEmpty());
    }

    /** A new browser profile, signed in (password = username, as the demo users have it). */
    private Page clerk(String username) {
        Page page = browser.newClerkWindow();
        opened.add(page.context());
        page.navigate(url("/login"));
        BrowserSession.logIn(page, username, username);
        assertThat(page.locator("vaadin-grid.orders-grid")).isVisible();
        return page;
    }
}
