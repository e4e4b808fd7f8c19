package org.orderdesk.bench.lockfreed;

import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.orderdesk.Application;
import org.orderdesk.bench.Benchmark;
import org.orderdesk.bench.BenchmarkRun;
import org.orderdesk.bench.lockfreed.BrowserKillCase.Kill;
import org.orderdesk.bench.lockfreed.TabCloseCase.Close;
import org.orderdesk.browser.BrowserSession;
import org.orderdesk.event.EventBroadcaster;
import org.orderdesk.lock.LockProperties;
import org.orderdesk.lock.LockService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * P2: how soon an order an editor held shows free in another clerk's grid (a) when the editor's
 * tab is closed and (b) when the editor's whole browser is killed. One node on the embedded H2,
 * the system clock, the sweeper on, a 30 s lease for quick kill runs; Bob watches in real Chromium.
 */
public final class LockFreedBenchmark implements Benchmark {

    /** The shortest lease LockProperties and the expiry warning allow with the default 5 s sweep, rounded up. */
    static final Duration LEASE = Duration.ofSeconds(30);

    static final Duration SWEEP = Duration.ofSeconds(5);

    private static final Duration WARN_BEFORE = Duration.ofSeconds(26);
    private static final Duration RENEW = Duration.ofSeconds(4);

    private static final int CLOSE_WARMUPS = 3;
    private static final int CLOSE_RUNS = Integer.getInteger("bench.closeRuns", 25);
    private static final long[] CLOSE_ORDERS = {1, 2, 3, 4, 5};

    private static final int KILL_BATCHES = Integer.getInteger("bench.killBatches", 4);
    private static final int KILL_PER_BATCH = Integer.getInteger("bench.killPerBatch", 5);
    private static final long FIRST_KILL_ORDER = 6;

    static final double CLOSE_GOAL_MS = 1_000;

    /** The patience of every step that sets a run up, which is not measured. */
    static final double SETUP_TIMEOUT_MS = 60_000;

    @Override
    public String id() {
        return "lock-freed";
    }

    @Override
    public String title() {
        return "Lock freed when a tab closes or a browser dies";
    }

    @Override
    public String run(BenchmarkRun run) throws Exception {
        long lastOrder = FIRST_KILL_ORDER + (long) KILL_BATCHES * KILL_PER_BATCH - 1;
        try (ConfigurableApplicationContext app = startApp();
                BrowserSession browser = BrowserSession.launch();
                LockEndings endings = new LockEndings(app.getBean(EventBroadcaster.class))) {
            // Setting up is not measured: on a busy machine the first pages may take longer than the tests' 15 s.
            PlaywrightAssertions.setDefaultAssertionTimeout(SETUP_TIMEOUT_MS);
            LockProperties settings = app.getBean(LockProperties.class);
            String baseUrl = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            LockService locks = app.getBean(LockService.class);
            FreeWatcher bob = FreeWatcher.signIn(browser, baseUrl, lastOrder);
            String chromium = "Chromium " + bob.browserVersion() + " headless";

            run.progress("tab close: %d warm-up and %d measured runs", CLOSE_WARMUPS, CLOSE_RUNS);
            long closeStarted = System.nanoTime();
            List<Close> closes = new TabCloseCase(browser, baseUrl, locks, endings, bob)
                    .run(CLOSE_WARMUPS, CLOSE_RUNS, CLOSE_ORDERS);
            double closeSeconds = (System.nanoTime() - closeStarted) / 1e9;
            String closeTable = run.table(
                    "H2 in memory, 1 node, " + chromium,
                    LockFreedReport.closeTable(closes, CLOSE_WARMUPS, closeSeconds));

            run.progress(
                    "browser kill: %d browsers of %d editors, lease %s",
                    KILL_BATCHES, KILL_PER_BATCH, LockProperties.format(settings.lease()));
            long killStarted = System.nanoTime();
            List<Kill> kills;
            try (Playwright alicesDriver = Playwright.create(
                    new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
                kills = new BrowserKillCase(alicesDriver, baseUrl, locks, endings, bob, run::progress)
                        .run(
                                KILL_BATCHES,
                                KILL_PER_BATCH,
                                FIRST_KILL_ORDER,
                                LEASE.plus(SWEEP).plusSeconds(30));
            }
            double killSeconds = (System.nanoTime() - killStarted) / 1e9;
            String killTable = run.table(
                    "H2 in memory, 1 node, system clock, " + chromium,
                    LockFreedReport.killTable(kills, settings, KILL_BATCHES, KILL_PER_BATCH, killSeconds));
            bob.close();

            return LockFreedReport.document(run, settings, closes, closeTable, kills, killTable);
        }
    }

    private static ConfigurableApplicationContext startApp() {
        List<String> properties = new ArrayList<>(List.of(
                "server.port=0",
                "spring.datasource.url=jdbc:h2:mem:lock-freed;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64",
                "orderdesk.demo.orders=2000",
                "orderdesk.lock.sweeper-enabled=true",
                "orderdesk.lock.lease=" + LockProperties.format(LEASE),
                "orderdesk.lock.warn-before=" + LockProperties.format(WARN_BEFORE),
                "orderdesk.lock.sweep-interval=" + LockProperties.format(SWEEP),
                "orderdesk.lock.renew-interval=" + LockProperties.format(RENEW),
                "vaadin.devmode.devTools.enabled=false",
                "logging.level.root=warn",
                "logging.level.org.orderdesk=warn",
                "spring.main.banner-mode=off"));
        return new SpringApplicationBuilder(Application.class)
                .run(properties.stream().map(property -> "--" + property).toArray(String[]::new));
    }

    static String format(String pattern, Object... arguments) {
        return String.format(Locale.ROOT, pattern, arguments);
    }
}
