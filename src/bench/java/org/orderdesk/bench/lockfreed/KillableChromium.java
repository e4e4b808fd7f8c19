package org.orderdesk.bench.lockfreed;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Playwright;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.orderdesk.browser.BrowserSession;
import org.springframework.util.FileSystemUtils;

/**
 * A Chromium this benchmark starts itself, as a process it owns, and drives over the DevTools
 * protocol ({@link com.microsoft.playwright.BrowserType#connectOverCDP}): Playwright does not
 * hand out the process of a browser it launches, and only its owner can kill it the hard way.
 * The same flags as {@code BrowserSession}, plus those Playwright itself adds so that timers of
 * pages nobody looks at still run (the editor renews its lock from a timer).
 */
final class KillableChromium {

    private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on (ws://\\S+)");

    private final Process process;
    private final Browser browser;
    private final Path profile;

    private KillableChromium(Process process, Browser browser, Path profile) {
        this.process = process;
        this.browser = browser;
        this.profile = profile;
    }

    static KillableChromium launch(Playwright playwright) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("killable-chromium");
        List<String> command = new ArrayList<>(
                List.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"), "--headless"));
        command.addAll(BrowserSession.CHROMIUM_ARGS);
        command.addAll(List.of(
                "--disable-background-timer-throttling",
                "--disable-backgrounding-occluded-windows",
                "--disable-renderer-backgrounding",
                "--remote-debugging-port=0",
                "--user-data-dir=" + profile,
                "about:blank"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("XDG_CONFIG_HOME", profile.resolve("xdg").toString());
        Process process = builder.start();
        String endpoint = devToolsEndpoint(process);
        Browser browser = playwright.chromium().connectOverCDP(endpoint);
        return new KillableChromium(process, browser, profile);
    }

    /** Reads Chromium's standard error until it names its DevTools endpoint, then drains the rest. */
    private static String devToolsEndpoint(Process process) throws IOException, InterruptedException {
        BufferedReader errors =
                new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> endpoint = new CompletableFuture<>();
        Thread reader = new Thread(
                () -> {
                    try {
                        String line;
                        while ((line = errors.readLine()) != null) {
                            Matcher matcher = DEVTOOLS.matcher(line);
                            if (matcher.find()) {
                                endpoint.complete(matcher.group(1));
                            }
                        }
                        endpoint.completeExceptionally(new IOException("Chromium ended without a DevTools endpoint"));
                    } catch (IOException e) {
                        endpoint.completeExceptionally(e);
                    }
                },
                "killable-chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        try {
            return endpoint.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("Chromium did not name its DevTools endpoint", e);
        }
    }

    Browser browser() {
        return browser;
    }

    /**
     * SIGKILL to the browser process and every process it started (renderers, the network
     * service, the GPU and zygote processes), all at once: no pagehide, no beacon, no unload
     * message, and the kernel closes its sockets. Returns {@code System.currentTimeMillis()} just
     * before the first signal.
     */
    long kill() throws InterruptedException {
        List<ProcessHandle> family = new ArrayList<>(process.descendants().toList());
        long killedAt = System.currentTimeMillis();
        process.destroyForcibly();
        family.forEach(ProcessHandle::destroyForcibly);
        process.waitFor();
        return killedAt;
    }

    /** After {@link #kill}: lets Playwright forget the connection and removes the profile. */
    void cleanUp() {
        try {
            browser.close();
        } catch (RuntimeException alreadyGone) {
            // The connection died with the browser.
        }
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        FileSystemUtils.deleteRecursively(profile.toFile());
    }
}
