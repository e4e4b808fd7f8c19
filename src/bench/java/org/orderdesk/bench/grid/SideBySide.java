package org.orderdesk.bench.grid;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ObjIntConsumer;
import org.orderdesk.bench.Distribution;

/**
 * Steps a clerk takes in the grid, taken in turn in the window with the lock column and in the one
 * without, the window going first alternating from run to run: both meet the same JIT, garbage
 * collector and machine load. Each step's time and statements are recorded per window.
 */
final class SideBySide {

    /** One step: its name (steps of one name are pooled) and what it does in a window in run {@code i}. */
    record Step(String name, ObjIntConsumer<GridWindow> action) {}

    /** What one step cost in one window, over the runs. */
    record Samples(List<Double> millis, List<StatementCounter.Statements> statements) {

        Samples() {
            this(new ArrayList<>(), new ArrayList<>());
        }

        Distribution times() {
            return Distribution.of(millis);
        }

        int fewestStatements() {
            return statements.stream()
                    .mapToInt(StatementCounter.Statements::total)
                    .min()
                    .orElseThrow();
        }

        int mostStatements() {
            return statements.stream()
                    .mapToInt(StatementCounter.Statements::total)
                    .max()
                    .orElseThrow();
        }

        long fewestCounts() {
            return statements.stream()
                    .mapToLong(StatementCounter.Statements::counts)
                    .min()
                    .orElseThrow();
        }

        long mostCounts() {
            return statements.stream()
                    .mapToLong(StatementCounter.Statements::counts)
                    .max()
                    .orElseThrow();
        }

        long mostRowReads() {
            return statements.stream()
                    .mapToLong(StatementCounter.Statements::rowReads)
                    .max()
                    .orElseThrow();
        }
    }

    /** A step's samples with the lock column and without it. */
    record Paired(Samples with, Samples without) {}

    private final GridWindow with;
    private final GridWindow without;
    private final StatementCounter counter;

    SideBySide(GridWindow with, GridWindow without, StatementCounter counter) {
        this.with = with;
        this.without = without;
        this.counter = counter;
    }

    /** Takes every step {@code warmUp} times unmeasured, then {@code runs} times measured. */
    Map<String, Paired> measure(List<Step> steps, int warmUp, int runs) {
        Map<String, Paired> results = new LinkedHashMap<>();
        for (int run = 0; run < warmUp + runs; run++) {
            boolean measured = run >= warmUp;
            for (Step step : steps) {
                Paired paired = results.computeIfAbsent(step.name(), name -> new Paired(new Samples(), new Samples()));
                boolean withFirst = run % 2 == 0;
                take(step, run, withFirst ? with : without, withFirst ? paired.with() : paired.without(), measured);
                take(step, run, withFirst ? without : with, withFirst ? paired.without() : paired.with(), measured);
            }
        }
        return results;
    }

    private void take(Step step, int run, GridWindow window, Samples samples, boolean measured) {
        window.activate();
        counter.start();
        double millis = Timing.millis(() -> step.action().accept(window, run));
        StatementCounter.Statements statements = counter.stop();
        if (measured) {
            samples.millis().add(millis);
            samples.statements().add(statements);
        }
    }
}
