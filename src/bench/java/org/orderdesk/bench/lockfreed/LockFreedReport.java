package org.orderdesk.bench.lockfreed;

import static org.orderdesk.bench.lockfreed.LockFreedBenchmark.format;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.orderdesk.bench.BenchmarkRun;
import org.orderdesk.bench.Distribution;
import org.orderdesk.bench.TextTable;
import org.orderdesk.bench.lockfreed.BrowserKillCase.Kill;
import org.orderdesk.bench.lockfreed.LockEndings.Path;
import org.orderdesk.bench.lockfreed.TabCloseCase.Close;
import org.orderdesk.lock.LockProperties;

/** The section's tables, goals and prose, from the measured closes and kills. */
final class LockFreedReport {

    private static final String[] COLUMNS = {"step", "n", "p50", "p95", "p99", "max", "mean"};

    private LockFreedReport() {}

    static TextTable closeTable(List<Close> closes, int warmUps, double seconds) {
        TextTable table =
                new TextTable("(a) Alice closes her editor's tab -> the order shows free in Bob's grid, ms", COLUMNS);
        row(table, "pagehide in Alice's tab -> free in Bob's grid", closes, Close::fromPagehide);
        row(table, "  pagehide -> lock released on the server", closes, Close::pagehideToReleased);
        row(table, "  released -> shown free (push, DOM)", closes, Close::releasedToShown);
        row(table, "page.close() called -> free in Bob's grid", closes, Close::fromCloseCall);
        row(table, "  page.close() called -> pagehide", closes, Close::closeCallToPagehide);
        long timed = closes.stream()
                .filter(close -> !Double.isNaN(close.pagehideAtMs()))
                .count();
        table.footnote(format(
                "%d measured closes after %d warm-up ones, in %.0f s; pagehide timed by the tab in %d of them."
                        + " Released by: %s.",
                closes.size(),
                warmUps,
                seconds,
                timed,
                pathCounts(closes.stream().map(close -> close.ending().path()).toList())));
        return table;
    }

    static TextTable killTable(List<Kill> kills, LockProperties settings, int batches, int perBatch, double seconds) {
        TextTable table = new TextTable(
                "(b) Alice's browser killed (SIGKILL) -> the order shows free in Bob's grid, ms", COLUMNS);
        row(table, "kill -> free in Bob's grid", kills, Kill::killToFree);
        row(table, "  kill -> lease end (last renewal + lease)", kills, Kill::killToLeaseEnd);
        row(table, "  lease end -> free in Bob's grid", kills, Kill::leaseEndToFree);
        row(table, "    lease end -> swept (Expired event)", kills, Kill::leaseEndToSwept);
        row(table, "    swept -> shown free (push, DOM)", kills, Kill::sweptToShown);
        double bound = bound(settings);
        Distribution ratio = Distribution.of(
                kills.stream().mapToDouble(kill -> kill.killToFree() / bound).toArray());
        table.row(
                format("kill -> free / (lease + sweep = %s)", seconds(bound)),
                ratio.n(),
                ratio.p50(),
                ratio.p95(),
                ratio.p99(),
                ratio.max(),
                ratio.mean());
        long sameEnd = kills.stream()
                .filter(kill -> kill.expiresAtAtKill().equals(kill.leaseEnd()))
                .count();
        table.footnote(format(
                "lease %s, sweep-interval %s, renew-interval %s; %d browsers of %d editors each (one profile per"
                        + " editor), killed at once, each browser started while the previous one's leases ran out;"
                        + " %.0f s in all. Ended by: %s. The lease end read from LockService at the kill was the"
                        + " sweeper's in %d of %d; it may lie more than a lease after the kill when a renewal the"
                        + " page sent just before it committed just after.",
                LockProperties.format(settings.lease()),
                LockProperties.format(settings.sweepInterval()),
                LockProperties.format(settings.renewInterval()),
                batches,
                perBatch,
                seconds,
                pathCounts(kills.stream().map(kill -> kill.ending().path()).toList()),
                sameEnd,
                kills.size()));
        return table;
    }

    static String document(
            BenchmarkRun run,
            LockProperties settings,
            List<Close> closes,
            String closeTable,
            List<Kill> kills,
            String killTable) {
        Distribution close = distribution(closes, Close::fromPagehide);
        Distribution kill = distribution(kills, Kill::killToFree);
        double bound = bound(settings);
        StringBuilder out = new StringBuilder();
        out.append("An editor's lock should not outlive the clerk's tab. (a) Alice, signed in, opens an order's"
                + " editor in a new tab and closes it (Playwright `page.close` with `runBeforeUnload`): the"
                + " editor's `pagehide` beacon and Vaadin's unload message go out. Timed from the tab's own"
                + " `pagehide` (`Date.now()` in her page, read back from her localStorage) to the moment a"
                + " `MutationObserver` in Bob's grid sees the row free (`Date.now()` in his page); a subscriber"
                + " on the node's event broadcaster splits the time at the release. (b) Alice's whole browser,"
                + " a Chromium this benchmark starts itself and drives over the DevTools protocol, gets SIGKILL"
                + " with all its processes while she edits: nothing reaches the server, so the lock lasts until"
                + " its lease ends and the next sweep removes it. Timed from the kill to Bob's grid; one"
                + " machine, one clock. A 30 s lease keeps the kill runs short (with the default 5 s sweep it"
                + " is about the shortest that `LockProperties` and the expiry warning's 20 s allow).\n\n");
        out.append(closeTable);
        out.append(killTable);
        out.append(run.goal(
                "a closed tab's order free in another clerk's grid, p95 ≤ 1 s",
                close.p95() <= LockFreedBenchmark.CLOSE_GOAL_MS,
                format("p95 %.0f ms, max %.0f ms (n = %d)", close.p95(), close.max(), close.n())));
        out.append(run.goal(
                "a killed browser's order free within lease + one sweep (" + seconds(bound) + "), p95 and max",
                kill.max() <= bound,
                format(
                        "p95 %s, max %s (%.2f × lease + sweep; n = %d)",
                        seconds(kill.p95()), seconds(kill.max()), kill.max() / bound, kill.n())));
        return out.toString();
    }

    private static double bound(LockProperties settings) {
        return settings.lease().plus(settings.sweepInterval()).toMillis();
    }

    private static <T> Distribution distribution(List<T> samples, ToDoubleFunction<T> step) {
        return Distribution.of(samples.stream()
                .mapToDouble(step)
                .filter(value -> !Double.isNaN(value))
                .toArray());
    }

    private static <T> void row(TextTable table, String name, List<T> samples, ToDoubleFunction<T> step) {
        if (samples.stream().mapToDouble(step).allMatch(Double::isNaN)) {
            table.row(name, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            return;
        }
        Distribution d = distribution(samples, step);
        table.row(name, d.n(), d.p50(), d.p95(), d.p99(), d.max(), d.mean());
    }

    private static String pathCounts(List<Path> paths) {
        return String.join(
                ", ",
                Arrays.stream(Path.values())
                        .filter(paths::contains)
                        .map(path -> path.label + " "
                                + paths.stream().filter(path::equals).count())
                        .toList());
    }

    private static String seconds(double ms) {
        return format("%.1f s", ms / 1000);
    }
}
