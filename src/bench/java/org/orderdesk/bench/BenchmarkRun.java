package org.orderdesk.bench;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What a benchmark hands its figures to: every table is printed under the machine, the date, the
 * load and the command that produced it, so that a figure in the document never stands without
 * them.
 */
public final class BenchmarkRun {

    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    static final String MET = "- **Met**";
    static final String MISSED = "- **Missed**";

    private final Benchmark benchmark;
    private final Machine machine;

    public BenchmarkRun(Benchmark benchmark, Machine machine) {
        this.benchmark = benchmark;
        this.machine = machine;
    }

    public Machine machine() {
        return machine;
    }

    /** The command that runs this benchmark alone and rewrites its section. */
    public String command() {
        return "scripts/benchmarks " + benchmark.id();
    }

    /** Progress for the operator, on standard error: never part of the document. */
    public void progress(String format, Object... arguments) {
        System.err.printf(Locale.ROOT, "[%s] %s%n", benchmark.id(), String.format(Locale.ROOT, format, arguments));
    }

    /**
     * One table as the document shows it: a line with the date, the machine, {@code setting} (the
     * database, browser or cluster the table was measured on), the load average and the command,
     * then {@code table} in a fenced block. Call it when the table's measurement has just ended, so
     * that the load it shows is the load the table met.
     */
    public String table(String setting, TextTable table) {
        return "_" + MINUTE.format(Instant.now()) + " · " + machine.summary() + " · " + setting + " · "
                + Machine.loadAverage() + " · `" + command() + "`_\n\n```\n" + table.render() + "```\n\n";
    }

    /** One goal and whether this run met it, with the figure that decides it. */
    public String goal(String goal, boolean met, String figure) {
        return (met ? MET : MISSED) + " — " + goal + ": " + figure + "\n";
    }
}
