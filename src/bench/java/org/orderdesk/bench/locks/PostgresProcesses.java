package org.orderdesk.bench.locks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The CPU time of one PostgreSQL server: its postmaster and every process it forked (backends,
 * WAL writer, checkpointer, autovacuum), from {@code /proc}. The postmaster is found as the
 * parent of the backend that answers {@code pg_backend_pid()}, so other servers on the machine
 * never count.
 */
final class PostgresProcesses {

    private static final double TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private final long postmaster;

    PostgresProcesses(JdbcClient jdbc) {
        long backend = jdbc.sql("select pg_backend_pid()").query(Long.class).single();
        this.postmaster = stat(backend)[1];
    }

    /** Seconds of CPU (user + system) the server's processes have used so far. */
    double cpuSeconds() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            long ticks = processes
                    .filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(path -> {
                        long pid = Long.parseLong(path.getFileName().toString());
                        long[] stat = stat(pid);
                        return pid == postmaster || stat[1] == postmaster ? stat[2] + stat[3] : 0;
                    })
                    .sum();
            return ticks / TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list /proc", e);
        }
    }

    /** pid, ppid, utime, stime of a process; zeros when it is gone. */
    private static long[] stat(long pid) {
        try {
            String text = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) may hold spaces: fields are counted after its closing parenthesis.
            String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
            return new long[] {pid, Long.parseLong(fields[1]), Long.parseLong(fields[11]), Long.parseLong(fields[12])};
        } catch (IOException | RuntimeException gone) {
            return new long[4];
        }
    }
}
