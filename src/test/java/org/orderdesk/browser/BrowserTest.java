package org.orderdesk.browser;

import com.microsoft.playwright.BrowserContext;
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

    @AfterEach
    void closeClerkWindows() {
        opened.forEach(BrowserContext::close);
        opened.clear();
    }
}
