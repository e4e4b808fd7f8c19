package org.orderdesk.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Twenty clerks for half an hour ({@code -Dsoak.minutes}, see {@link LoadProfile#soak()}) on one
 * PostgreSQL node whose pool retires every connection after 30 s and whose leases last 30 s;
 * clerks' sessions end and new ones begin, and two Chromium pages go between grid and editor and
 * log out and in. Sampled every minute, the node holds on to no more memory, threads, connections,
 * subscriptions or sessions at the end than at the start. On demand only: {@code -Psoak}.
 */
@Tag("soak")
class SoakIT {

    /**
     * How much the last third's average may exceed the middle third's. The first third is the
     * warm-up: Tomcat's worker pool and the JIT's caches fill up to their bounds then, and stay
     * (Tomcat's 200 request threads: a plateau, not a leak). Heap after a full
     * collection moves with caches filling and what is in flight at that moment (a few MB); a
     * leak of a subscription, a session or a UI per cycle would add hundreds of each and grow the
     * heap by tens of MB over the run, far beyond these.
     */
    private static final double HEAP_MB = 32;

    private static final double THREADS = 10;
    private static final double COUNTS = 5;

    @Test
    void aNodeUnderALightSteadyLoadHoldsOnToNothing() throws Exception {
        LoadProfile profile = LoadProfile.soak();
        List<String> properties = Stream.concat(
                        LoadNodes.SHORT_LEASE.stream(),
                        // Hikari's shortest lifetime: every connection is retired and replaced twice a minute.
                        Stream.of("spring.datasource.hikari.max-lifetime=30000"))
                .toList();
        try (LoadNodes nodes = LoadNodes.postgres(1, properties)) {
            SoakSampler sampler = new SoakSampler(nodes.first());
            ScheduledExecutorService every = Executors.newSingleThreadScheduledExecutor();
            // Sampling is the soak's pacing: one sample a minute, the first before any clerk starts.
            every.scheduleAtFixedRate(sampler::sample, 0, 1, TimeUnit.MINUTES);
            LoadReport report;
            try {
                report = new LoadDriver(nodes, profile).run();
            } finally {
                every.shutdown();
                every.awaitTermination(1, TimeUnit.MINUTES);
            }
            sampler.sample();
            List<SoakSample> samples = sampler.samples();
            String figures = report.table() + "\n" + SoakSample.table(samples);
            System.out.println(figures);
            Path kept = Path.of("target", "load", "soak-" + profile.duration().toMinutes() + "min.txt");
            Files.createDirectories(kept.getParent());
            Files.writeString(kept, figures);

            assertThat(report.lostUpdates()).as("lost updates\n%s", figures).isEmpty();
            assertThat(report.heldByNobody()).as("held by nobody\n%s", figures).isEmpty();
            assertThat(report.failures()).as("errors\n%s", figures).isEmpty();
            assertThat(report.waitsUntold())
                    .as("waits that ended untold\n%s", figures)
                    .isZero();
            // The first sample is before the load and the last after it: compare the minutes under load.
            List<SoakSample> underLoad = samples.subList(1, samples.size() - 1);
            assertThat(underLoad).as("samples under load\n%s", figures).hasSizeGreaterThanOrEqualTo(6);
            assertNoGrowth(underLoad, "heap after GC (MB)", SoakSample::heapAfterGcMb, HEAP_MB, figures);
            assertNoGrowth(underLoad, "live threads", SoakSample::liveThreads, THREADS, figures);
            assertNoGrowth(underLoad, "pool connections", SoakSample::poolTotal, COUNTS, figures);
            assertNoGrowth(underLoad, "database sessions", SoakSample::databaseSessions, COUNTS, figures);
            assertNoGrowth(underLoad, "event subscribers", SoakSample::subscribers, COUNTS, figures);
            assertNoGrowth(underLoad, "HTTP sessions", SoakSample::httpSessions, COUNTS, figures);
            assertThat(samples.getLast().lockRows())
                    .as("lock rows after the soak")
                    .isZero();
        }
    }

    /** The last third's average is at most the middle third's plus {@code tolerance}. */
    private static void assertNoGrowth(
            List<SoakSample> samples,
            String what,
            ToDoubleFunction<SoakSample> measure,
            double tolerance,
            String figures) {
        int third = Math.max(1, samples.size() / 3);
        double middle = samples.subList(third, samples.size() - third).stream()
                .mapToDouble(measure)
                .average()
                .orElseThrow();
        double last = samples.subList(samples.size() - third, samples.size()).stream()
                .mapToDouble(measure)
                .average()
                .orElseThrow();
        assertThat(last)
                .as("%s: last third %.1f against middle third %.1f\n%s", what, last, middle, figures)
                .isLessThanOrEqualTo(middle + tolerance);
    }
}
