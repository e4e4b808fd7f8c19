package org.orderdesk.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.FileSystemUtils;

/**
 * The system Chromium driven by Playwright. Playwright never downloads a browser here: the
 * executable comes from {@code CHROMIUM_PATH} (default {@code /usr/bin/chromium}). Public for the
 * benchmarks in {@code org.orderdesk.bench}.
 */
public final class BrowserSession implements AutoCloseable {

    /** What every Chromium of the tests and benchmarks starts with, beside headless mode. */
    public static final List<String> CHROMIUM_ARGS = List.of(
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic");

    private final Playwright playwright;
    private final Browser browser;
    private final Path configHome;

    private BrowserSession(Playwright playwright, Browser browser, Path configHome) {
        this.playwright = playwright;
        this.browser = browser;
        this.configHome = configHome;
    }

    public static BrowserSession launch() {
        // As patient as the actions: a loaded CI machine can take more than the default 5 s.
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Path configHome = tempDir("chromium-config");
        env.put("XDG_CONFIG_HOME", configHome.toString());
        Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(env));
        Browser browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(
                                Paths.get(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium")))
                        .setHeadless(true)
                        .setArgs(CHROMIUM_ARGS)
                        .setEnv(env));
        return new BrowserSession(playwright, browser, configHome);
    }

    /** A fresh browser profile: one clerk with their own cookies and session. */
    public Page newClerkWindow() {
        return newClerkWindow(1280, 800);
    }

    /** As {@link #newClerkWindow()}, with a window of {@code width} by {@code height} CSS pixels. */
    public Page newClerkWindow(int width, int height) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height));
        context.setDefaultTimeout(15_000);
        return context.newPage();
    }

    /**
     * As {@link #newClerkWindow()}, in a browser whose time zone is {@code timezoneId} (an IANA id
     * such as "Pacific/Auckland"), as a clerk elsewhere in the world would have it.
     */
    public Page newClerkWindowIn(String timezoneId) {
        BrowserContext context = browser.newContext(
                new Browser.NewContextOptions().setViewportSize(1280, 800).setTimezoneId(timezoneId));
        context.setDefaultTimeout(15_000);
        return context.newPage();
    }

    /**
     * Another tab of the clerk who owns {@code page}: the same browser context, so the same
     * cookies and the same HTTP session.
     */
    public Page newTabOf(Page page) {
        return page.context().newPage();
    }

    public static void logIn(Page page, String username, String password) {
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
    }

    /** Kept under target/screenshots so a person can look at what the test saw; returns the PNG too. */
    public static byte[] screenshot(Page page, String name) {
        return page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", name + ".png")));
    }

    private static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
        FileSystemUtils.deleteRecursively(configHome.toFile());
    }
}
