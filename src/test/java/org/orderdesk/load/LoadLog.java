package org.orderdesk.load;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * What every clerk and page of a run did, shared by all their threads: each operation's latency,
 * each outcome counted as expected (a conflict a clerk meets in normal work) or not, the log of
 * accepted saves, how every wait in line ended, and every unexpected error in words.
 */
public final class LoadLog {

    /** An outcome counted: {@code what} is "operation → result". */
    public record Outcome(String what, boolean expected) {}

    /** Something that should not happen, with who met it. */
    public record Failure(String who, String what) {}

    private final Map<Operation, Samples> latencies = new EnumMap<>(Operation.class);
    private final Map<Outcome, LongAdder> outcomes = new ConcurrentHashMap<>();
    private final Map<WaitEnd, LongAdder> waits = new ConcurrentHashMap<>();
    private final Queue<AcceptedSave> saves = new ConcurrentLinkedQueue<>();
    private final Queue<Failure> failures = new ConcurrentLinkedQueue<>();
    /** The operation whose exception the thread is about to report, so that errors are counted by operation. */
    private final ThreadLocal<Operation> failedIn = new ThreadLocal<>();

    public LoadLog() {
        for (Operation operation : Operation.values()) {
            latencies.put(operation, new Samples());
        }
    }

    /** Runs {@code action}, recording how long it took, also when it throws. */
    public <T> T timed(Operation operation, Supplier<T> action) {
        long start = System.nanoTime();
        try {
            return action.get();
        } catch (RuntimeException error) {
            failedIn.set(operation);
            throw error;
        } finally {
            latencies.get(operation).add(System.nanoTime() - start);
        }
    }

    public void timed(Operation operation, Runnable action) {
        timed(operation, () -> {
            action.run();
            return null;
        });
    }

    public void latency(Operation operation, long nanos) {
        latencies.get(operation).add(nanos);
    }

    /** A conflict or answer a clerk meets in normal work. */
    public void expected(Operation operation, String result) {
        count(new Outcome(operation + " → " + result, true));
    }

    /** An outcome that should never happen; also kept as a failure, with who met it. */
    public void unexpected(String who, Operation operation, String result) {
        count(new Outcome(operation + " → " + result, false));
        failures.add(new Failure(who, operation + " → " + result));
    }

    /** An exception out of the application, which should never happen. */
    public void unexpected(String who, String doing, Throwable error) {
        Operation failed = failedIn.get();
        failedIn.remove();
        String where = failed == null ? doing : failed.name();
        count(new Outcome(where + " → " + error.getClass().getSimpleName(), false));
        failures.add(new Failure(who, doing + " → " + error + rootCause(error)));
    }

    /** The innermost cause, which says what the database or the pool actually did. */
    private static String rootCause(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == error ? "" : " (cause: " + root + ")";
    }

    public void accepted(AcceptedSave save) {
        saves.add(save);
    }

    public void waitEnded(WaitEnd end) {
        waits.computeIfAbsent(end, any -> new LongAdder()).increment();
    }

    private void count(Outcome outcome) {
        outcomes.computeIfAbsent(outcome, any -> new LongAdder()).increment();
    }

    List<Samples.Latency> latencies(double seconds) {
        List<Samples.Latency> rows = new ArrayList<>();
        latencies.forEach((operation, samples) -> rows.add(samples.summary(operation.name(), seconds)));
        return rows.stream().filter(row -> row.count() > 0).toList();
    }

    /** Every outcome with how often it came, by name. */
    Map<Outcome, Long> outcomes() {
        Map<Outcome, Long> counted = new TreeMap<>((a, b) -> a.what().compareTo(b.what()));
        outcomes.forEach((outcome, count) -> counted.put(outcome, count.sum()));
        return counted;
    }

    Map<WaitEnd, Long> waits() {
        Map<WaitEnd, Long> counted = new EnumMap<>(WaitEnd.class);
        for (WaitEnd end : WaitEnd.values()) {
            counted.put(end, waits.getOrDefault(end, new LongAdder()).sum());
        }
        return counted;
    }

    List<AcceptedSave> saves() {
        return List.copyOf(saves);
    }

    List<Failure> failures() {
        return List.copyOf(failures);
    }
}
