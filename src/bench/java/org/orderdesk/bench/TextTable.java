package org.orderdesk.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A plain-text table with a title line, a header and aligned columns: the first column left, the
 * others right, as figures read best.
 */
public final class TextTable {

    private final String title;
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();
    private final List<String> footnotes = new ArrayList<>();

    public TextTable(String title, String... header) {
        this.title = title;
        this.header = List.of(header);
    }

    /** One row; numbers are formatted with {@link #number}, everything else as it is. */
    public TextTable row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException(
                    "row has " + cells.length + " cells, header " + header.size() + ": " + Arrays.toString(cells));
        }
        rows.add(Arrays.stream(cells)
                .map(cell -> cell instanceof Number number ? number(number) : String.valueOf(cell))
                .toList());
        return this;
    }

    /** A line under the table, such as how many runs a case had. */
    public TextTable footnote(String line) {
        footnotes.add(line);
        return this;
    }

    /** Integers with thousands separators; fractions with 2 decimals under 10, 1 under 1,000, else none. */
    public static String number(Number number) {
        if (number instanceof Integer || number instanceof Long) {
            return String.format(Locale.ROOT, "%,d", number.longValue());
        }
        double value = number.doubleValue();
        if (Double.isNaN(value)) {
            return "-";
        }
        double magnitude = Math.abs(value);
        String pattern = magnitude < 10 ? "%.2f" : magnitude < 1_000 ? "%.1f" : "%,.0f";
        return String.format(Locale.ROOT, pattern, value);
    }

    String render() {
        int[] widths = new int[header.size()];
        for (int column = 0; column < widths.length; column++) {
            widths[column] = header.get(column).length();
            for (List<String> row : rows) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        StringBuilder text = new StringBuilder(title).append('\n');
        line(text, header, widths);
        rows.forEach(row -> line(text, row, widths));
        footnotes.forEach(footnote -> text.append(footnote).append('\n'));
        return text.toString();
    }

    private static void line(StringBuilder text, List<String> cells, int[] widths) {
        for (int column = 0; column < cells.size(); column++) {
            String cell = cells.get(column);
            String padding = " ".repeat(widths[column] - cell.length());
            if (column == 0) {
                text.append(cell).append(padding);
            } else {
                text.append("  ").append(padding).append(cell);
            }
        }
        text.append('\n');
    }
}
