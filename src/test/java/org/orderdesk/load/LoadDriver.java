package org.orderdesk.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.orderdesk.lock.LockProperties;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs one load against {@link LoadNodes}: makes the clerks' accounts, notes each order's version,
 * lets the simulated clerks (virtual threads, dealt to the nodes in turn) and the Chromium pages
 * work until the profile's duration has passed, waits for every one of them to stop, and checks
 * what is left against what they were told.
 */
public final class LoadDriver {

    /** Time a clerk gets to finish what it is doing once the run is over: a walk-away lapse, a last wait. */
    private static final Duration WIND_DOWN = Duration.ofMinutes(2);

    private final LoadNodes nodes;
    private final LoadProfile profile;
    private final LoadLog log = new LoadLog();

    public LoadDriver(LoadNodes nodes, LoadProfile profile) {
        this.nodes = nodes;
        this.profile = profile;
    }

    public LoadReport run() throws InterruptedException {
        JdbcClient database = nodes.first().getBean(JdbcClient.class);
        ClerkAccounts.create(nodes.first(), profile.clerks());
        StoredOrders orders = new StoredOrders(database);
        Map<Long, Long> initialVersions = orders.versions(orderIds());
        MachineLoad before = MachineLoad.now();
        long start = System.nanoTime();
        RunWindow window = new RunWindow(profile.duration());

        List<Thread> workers = new ArrayList<>();
        for (int clerk = 1; clerk <= profile.clerks(); clerk++) {
            SimulatedClerk simulated = new SimulatedClerk(clerk, nodes.node(clerk), profile, log, window);
            workers.add(Thread.ofVirtual().name(ClerkAccounts.username(clerk)).start(simulated));
        }
        if (profile.browserPages() > 0) {
            workers.add(
                    Thread.ofPlatform().name("chromium-pages").start(new ChromiumPages(nodes, profile, log, window)));
        }
        long stopBy = System.nanoTime() + profile.duration().plus(WIND_DOWN).toNanos();
        for (Thread worker : workers) {
            long left = Math.max(1, (stopBy - System.nanoTime()) / 1_000_000);
            if (!worker.join(Duration.ofMillis(left))) {
                log.unexpected(worker.getName(), Operation.SESSION_END, "did not stop within " + WIND_DOWN);
                worker.interrupt();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        MachineLoad after = MachineLoad.now();

        // A release that failed (a timeout on an overloaded machine) leaves its lock to lapse: the
        // lease is the safety net. What is left once a lease and two sweeps have passed is held by nobody.
        LockLeftovers leftovers = new LockLeftovers(database);
        List<String> leftToLapse = leftovers.awaitNone(Duration.ofSeconds(20));
        LockProperties lock = nodes.first().getBean(LockProperties.class);
        List<String> heldByNobody = leftToLapse.isEmpty()
                ? leftToLapse
                : leftovers.awaitNone(lock.lease().plus(lock.sweepInterval().multipliedBy(2)));
        List<AcceptedSave> saves = log.saves();
        return new LoadReport(
                nodes.name(),
                profile,
                seconds,
                before,
                after,
                log.latencies(seconds),
                log.outcomes(),
                log.waits(),
                saves.size(),
                orders.lostUpdates(initialVersions, saves),
                leftToLapse,
                heldByNobody,
                log.failures());
    }

    /** The Chromium pages' orders and the hot ones. */
    private List<Long> orderIds() {
        return LongStream.range(1, LoadProfile.FIRST_HOT_ORDER + profile.hotOrders())
                .boxed()
                .toList();
    }
}
