package org.orderdesk.load;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.orderdesk.load.LoadLog.Failure;
import org.orderdesk.load.LoadLog.Outcome;

/**
 * A run's figures and the four things it must show: no lost update, no lock held by nobody, no
 * error but the expected conflicts, every waiting clerk told. Locks left to lapse after a release
 * failed are listed apart: they are errors too (the failed release is one), but not orphans.
 */
public record LoadReport(
        String target,
        LoadProfile profile,
        double seconds,
        MachineLoad before,
        MachineLoad after,
        List<Samples.Latency> latencies,
        Map<Outcome, Long> outcomes,
        Map<WaitEnd, Long> waits,
        int acceptedSaves,
        List<String> lostUpdates,
        List<String> leftToLapse,
        List<String> heldByNobody,
        List<Failure> failures) {

    public long unexpectedErrors() {
        return outcomes.entrySet().stream()
                .filter(entry -> !entry.getKey().expected())
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    public long waitsUntold() {
        return waits.get(WaitEnd.UNTOLD);
    }

    public long waitsTotal() {
        return waits.values().stream().mapToLong(Long::longValue).sum();
    }

    public long count(Operation operation) {
        return latencies.stream()
                .filter(row -> row.operation().equals(operation.name()))
                .mapToLong(Samples.Latency::count)
                .sum();
    }

    public String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "Load on %s: %d clerks on %d hot orders, %d Chromium pages, %.0f s (%s think time)%n",
                target,
                profile.clerks(),
                profile.hotOrders(),
                profile.browserPages(),
                seconds,
                profile.thinkTime()));
        out.append("Machine before: ")
                .append(before)
                .append("; after: ")
                .append(after)
                .append('\n');
        out.append(String.format(
                Locale.ROOT,
                "%-12s %8s %8s %9s %9s %9s %9s%n",
                "operation",
                "count",
                "ops/s",
                "p50 ms",
                "p95 ms",
                "p99 ms",
                "max ms"));
        for (Samples.Latency row : latencies) {
            out.append(String.format(
                    Locale.ROOT,
                    "%-12s %8d %8.1f %9.1f %9.1f %9.1f %9.1f%n",
                    row.operation(),
                    row.count(),
                    row.perSecond(),
                    row.p50(),
                    row.p95(),
                    row.p99(),
                    row.max()));
        }
        out.append("Outcomes (expected conflicts and answers, then errors):\n");
        outcomes.forEach((outcome, count) -> out.append(
                String.format(Locale.ROOT, "  %s %-58s %7d%n", outcome.expected() ? " " : "!", outcome.what(), count)));
        out.append("Waits in line: ").append(waits).append('\n');
        out.append(String.format(
                Locale.ROOT, "Lost updates: %d (accepted saves checked: %d)%n", lostUpdates.size(), acceptedSaves));
        lostUpdates.forEach(line -> out.append("  ").append(line).append('\n'));
        out.append(String.format(
                Locale.ROOT,
                "Left to lapse 20 s after the clerks stopped (a release failed): %d%n",
                leftToLapse.size()));
        leftToLapse.forEach(line -> out.append("  ").append(line).append('\n'));
        out.append(String.format(
                Locale.ROOT, "Locks, places and reservations held by nobody after a lease: %d%n", heldByNobody.size()));
        heldByNobody.forEach(line -> out.append("  ").append(line).append('\n'));
        out.append(String.format(Locale.ROOT, "Errors other than expected conflicts: %d%n", unexpectedErrors()));
        failures.stream()
                .limit(50)
                .forEach(failure -> out.append("  ")
                        .append(failure.who())
                        .append(": ")
                        .append(failure.what())
                        .append('\n'));
        out.append(String.format(
                Locale.ROOT, "Waiting clerks told: %d of %d%n", waitsTotal() - waitsUntold(), waitsTotal()));
        return out.toString();
    }
}
