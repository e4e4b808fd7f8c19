package org.orderdesk.bench.cluster;

import java.util.List;
import java.util.Locale;
import org.orderdesk.bench.TextTable;

/** One cluster size's climb as the document shows it: the table, the ceiling and why it ended. */
final class CeilingReport {

    private final int nodes;
    private final List<CeilingStep> steps;

    CeilingReport(int nodes, List<CeilingStep> steps) {
        this.nodes = nodes;
        this.steps = steps;
    }

    TextTable table() {
        CeilingStep baseline = steps.getFirst();
        TextTable table = new TextTable(
                "Lock events across " + nodes + " nodes: latency commit → delivery on the other " + (nodes - 1)
                        + " node" + (nodes == 2 ? "" : "s") + " (ms), CPU in % of one core",
                "events/s asked",
                "reached",
                "p50",
                "p95",
                "max",
                "p50 ÷ base",
                "lost",
                "publisher",
                "receiver",
                "listener",
                "PostgreSQL",
                "machine",
                "queue %");
        for (CeilingStep step : steps) {
            table.row(
                    (long) step.targetRate(),
                    step.achievedRate(),
                    step.latency().p50(),
                    step.latency().p95(),
                    step.latency().max(),
                    step.latency().p50() / baseline.latency().p50(),
                    (long) step.missing(),
                    step.publisherCpu(),
                    step.receiverCpu(),
                    step.listenerCpu(),
                    step.postgresCpu(),
                    step.machineCpu(),
                    step.queueUsage());
        }
        table.footnote("reached: events the publisher committed per second; lost: deliveries missing on a receiver;"
                + " receiver/listener: the busiest receiving node and its listening thread; machine: all processes,"
                + " 100 % per core; queue: PostgreSQL's notification queue at its fullest.");
        return table;
    }

    /** The highest rate reached by a step whose median latency stayed under double the baseline's. */
    double ceiling() {
        CeilingStep baseline = steps.getFirst();
        return steps.stream()
                .filter(step -> step.keptUp() && !CeilingClimb.doubled(baseline, step))
                .mapToDouble(CeilingStep::achievedRate)
                .max()
                .orElse(0);
    }

    String verdict() {
        CeilingStep baseline = steps.getFirst();
        CeilingStep last = steps.getLast();
        String end;
        if (!baseline.keptUp()) {
            end = String.format(
                    Locale.ROOT,
                    "the publishing node did not reach even the baseline's %,.0f events/s (%,.0f/s) with the"
                            + " machine's CPU %.0f %% busy: no ceiling of the relay can be read from this run",
                    baseline.targetRate(),
                    baseline.achievedRate(),
                    baseline.machineCpu());
        } else if (steps.size() == 1) {
            end = "only the baseline ran";
        } else if (!last.keptUp()) {
            end = String.format(
                    Locale.ROOT,
                    "at %,.0f events/s asked the publishing node reached %,.0f/s%s",
                    last.targetRate(),
                    last.achievedRate(),
                    last.failures() > 0 ? " with " + last.failures() + " failed lock steps" : "");
        } else if (CeilingClimb.doubled(baseline, last)) {
            end = String.format(
                    Locale.ROOT,
                    "at %,.0f events/s the median latency was %.2f ms, %.1f× the baseline's %.2f ms",
                    last.achievedRate(),
                    last.latency().p50(),
                    last.latency().p50() / baseline.latency().p50(),
                    baseline.latency().p50());
        } else {
            end = "the last rate tried still held, so the ceiling is higher";
        }
        return String.format(
                Locale.ROOT,
                "Ceiling with %d nodes: **%,.0f events/s**; the climb ended because %s.",
                nodes,
                ceiling(),
                end);
    }
}
