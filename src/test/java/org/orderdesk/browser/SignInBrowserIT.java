package org.orderdesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.orderdesk.browser.BrowserSession.logIn;
import static org.orderdesk.browser.BrowserSession.screenshot;

import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Real Chromium on the login page: guessing a password stops after five tries, and says so. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SignInBrowserIT extends BrowserTest {

    private static final String LOCKED = "Too many failed sign-ins for this username. Try again in 15 minutes.";

    @Test
    void afterFiveWrongPasswordsTheLoginPageSaysWhyAndRefusesEvenTheRightOne() {
        Page page = browser.newClerkWindow();
        opened.add(page.context());

        for (int i = 1; i <= 4; i++) {
            refusedSignIn(page, "carol", "guess-" + i);
            assertThat(page.getByText("Wrong username or password")).isVisible();
        }
        refusedSignIn(page, "carol", "guess-5");
        assertThat(page.getByText(LOCKED)).isVisible();

        refusedSignIn(page, "carol", "carol");

        assertThat(page.getByText(LOCKED)).isVisible();
        assertThat(page.getByText("Wrong username or password")).not().isAttached();
        screenshot(page, "login-throttled");
    }

    /** From a fresh login page, so that the wait is for the page the refused sign-in leads to. */
    private void refusedSignIn(Page page, String username, String password) {
        page.navigate(url("/login"));
        logIn(page, username, password);
        assertThat(page).hasURL(Pattern.compile(".*/login\\?error$"));
    }
}
