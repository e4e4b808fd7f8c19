package org.orderdesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.orderdesk.browser.BrowserSession.logIn;
import static org.orderdesk.browser.BrowserSession.screenshot;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Real Chromium against the running app: what a clerk does on the first morning. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OrdersBrowserIT extends BrowserTest {

    @Test
    void aliceLogsInSeesTheGridAndOpensAnOrderInTheEditorWithTheKeyboard() {
        Page page = browser.newClerkWindow();
        page.navigate(url("/"));
        assertThat(page).hasURL(Pattern.compile(".*/login$"));

        logIn(page, "alice", "alice");

        assertThat(page.locator(".current-user")).hasText("Alice");
        Locator grid = page.locator("vaadin-grid.orders-grid");
        assertThat(grid).isVisible();
        assertThat(page.locator(".match-count")).hasText("2,000 orders");
        Locator firstNumber = page.getByText("OD-000001", new Page.GetByTextOptions().setExact(true));
        assertThat(firstNumber).isVisible();
        screenshot(page, "orders-grid");

        firstNumber.click();
        page.keyboard().press("ArrowDown");
        page.keyboard().press("Enter");

        assertThat(page).hasURL(Pattern.compile(".*/orders/\\d+/edit$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Edit order OD-000002")))
                .isVisible();
        assertThat(page.getByLabel("Customer")).isEditable();
        screenshot(page, "order-editor");
    }

    @Test
    void wrongPasswordShowsTheLoginErrorAndNoStackTrace() {
        Page page = browser.newClerkWindow();
        page.navigate(url("/login"));

        logIn(page, "alice", "not-her-password");

        assertThat(page).hasURL(Pattern.compile(".*/login\\?error$"));
        assertThat(page.getByText("Wrong username or password")).isVisible();
        assertThat(page.locator("body")).not().containsText("Exception");
    }

    @Test
    void unknownOrderShowsOrderNotFoundWithTheWayBackThenBobLogsOut() {
        Page page = browser.newClerkWindow();
        page.navigate(url("/login"));
        logIn(page, "bob", "bob");

        page.navigate(url("/orders/999999999"));

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Order not found")))
                .isVisible();
        screenshot(page, "order-not-found");
        page.getByText("Back to orders").click();
        assertThat(page).hasURL(Pattern.compile(".*/orders$"));

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out"))
                .click();
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
        page.navigate(url("/orders"));
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
    }
}
