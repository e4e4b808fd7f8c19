package org.orderdesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.orderdesk.browser.LockLatency.orderNumber;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every browser test class needs: one Chromium for the class, the port the application
 * listens on, and the clerk windows a test opened, closed after it so that no tab keeps holding
 * or renewing a lock into the next test.
 */
abstract class BrowserTest {

    static BrowserSession browser;

    @LocalServerPort
    int port;

    final List<BrowserContext> opened = new ArrayList<>();

    @BeforeAll
    static void launchBrowser() {
        browser = BrowserSession.launch();
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Opens the editor and waits until it holds the lock. */
    void edit(Page page, long orderId) {
        page.navigate(url("/orders/" + orderId + "/edit"));
        assertThat(page.getByRole(
                        AriaRole.HEADING, new Page.GetByRoleOptions().setName("Edit order " + orderNumber(orderId))))
                .isVisible();
        assertThat(page.locator(".lock-status")).containsText("You are editing");
    }

    @AfterEach
    void closeClerkWindows() {
        opened.forEach(BrowserContext::close);
        opened.clear();
    }
}
