package org.orderdesk.preferences;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a clerk arranged a grid: its columns in the order shown, with their widths and whether
 * hidden, and the columns it is sorted by, first sort first.
 */
public record GridLayout(List<ColumnLayout> columns, List<SortColumn> sort) {

    public GridLayout {
        columns = List.copyOf(columns);
        sort = List.copyOf(sort);
    }

    /** The grid's own arrangement: its columns in their order, default widths, all shown, unsorted. */
    public static GridLayout defaultOf(List<String> keys) {
        return new GridLayout(
                keys.stream().map(key -> new ColumnLayout(key, null, false)).toList(), List.of());
    }

    /**
     * This layout for a grid with the columns {@code keys} (in their default order): a column the
     * grid no longer has (renamed, removed) is left out, also from the sort; a column the layout
     * does not name (added since) keeps its default settings and comes after the ones it names.
     */
    public GridLayout fittedTo(List<String> keys) {
        Set<String> known = Set.copyOf(keys);
        Map<String, ColumnLayout> fitted = new LinkedHashMap<>();
        columns.stream()
                .filter(column -> known.contains(column.key()))
                .forEach(column -> fitted.putIfAbsent(column.key(), column));
        keys.forEach(key -> fitted.putIfAbsent(key, new ColumnLayout(key, null, false)));
        List<SortColumn> fittedSort = new ArrayList<>();
        sort.stream()
                .filter(by -> known.contains(by.key()))
                .filter(by ->
                        fittedSort.stream().noneMatch(earlier -> earlier.key().equals(by.key())))
                .forEach(fittedSort::add);
        return new GridLayout(List.copyOf(fitted.values()), fittedSort);
    }
}
