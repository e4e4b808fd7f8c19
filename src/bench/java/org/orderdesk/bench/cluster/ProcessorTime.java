package org.orderdesk.bench.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time from Linux's {@code /proc}: of a process with all its descendants (PostgreSQL's server
 * and its backends), and of the whole machine. Both in nanoseconds; /proc counts in ticks of 10 ms
 * (USER_HZ is 100 on Linux).
 */
final class ProcessorTime {

    private static final long NANOS_PER_TICK = 10_000_000;

    private ProcessorTime() {}

    /** CPU time {@code pid} and its living descendants have used so far. */
    static long ofTree(long pid) {
        return Stream.concat(
                        Stream.of(pid),
                        ProcessHandle.of(pid).stream()
                                .flatMap(ProcessHandle::descendants)
                                .map(ProcessHandle::pid))
                .mapToLong(ProcessorTime::ofProcess)
                .sum();
    }

    private static long ofProcess(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after the command name, which is in parentheses and may hold spaces.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /** The machine's busy CPU time so far, summed over its cores (everything but idle and I/O wait). */
    static long machineBusy() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/stat"))) {
            String[] fields = lines.findFirst().orElseThrow().trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(fields[i]);
                }
            }
            return busy * NANOS_PER_TICK;
        } catch (IOException | RuntimeException unknown) {
            return 0;
        }
    }
}
