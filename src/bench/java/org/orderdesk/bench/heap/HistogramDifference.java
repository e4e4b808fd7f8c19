package org.orderdesk.bench.heap;

import java.util.Comparator;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.orderdesk.bench.TextTable;

/** Per session, the classes whose live bytes differ most between two blocks of sessions. */
final class HistogramDifference {

    private final Map<String, Long> with;
    private final Map<String, Long> without;
    private final int sessions;

    HistogramDifference(Map<String, Long> with, Map<String, Long> without, int sessions) {
        this.with = with;
        this.without = without;
        this.sessions = sessions;
    }

    TextTable table(int classes) {
        Set<String> names = new HashSet<>(with.keySet());
        names.addAll(without.keySet());
        TextTable table = new TextTable(
                "Live bytes per session by class: with the lock features less without (largest differences)",
                "class",
                "with, B",
                "without, B",
                "difference, B");
        names.stream()
                .sorted(Comparator.comparingDouble((String name) -> -Math.abs(difference(name))))
                .limit(classes)
                .forEach(name -> table.row(
                        name,
                        bytes(with.getOrDefault(name, 0L)),
                        bytes(without.getOrDefault(name, 0L)),
                        format(difference(name))));
        long total = with.values().stream().mapToLong(Long::longValue).sum()
                - without.values().stream().mapToLong(Long::longValue).sum();
        table.footnote(String.format(
                Locale.ROOT,
                "All classes: %s B per session more with the lock features.",
                format(total / (double) sessions)));
        return table;
    }

    private double difference(String name) {
        return (with.getOrDefault(name, 0L) - without.getOrDefault(name, 0L)) / (double) sessions;
    }

    private String bytes(long total) {
        return format(total / (double) sessions);
    }

    private static String format(double bytes) {
        return String.format(Locale.ROOT, "%,.0f", bytes);
    }
}
