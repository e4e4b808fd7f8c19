package org.orderdesk.preferences;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One column as a clerk left it: its key, its width ({@code null}: the grid's default) and whether
 * it is hidden. A width that is not a plain CSS length ({@code 153px}, {@code 7.5rem}) is
 * forgotten: widths come from the browser and are applied again in another one.
 */
public record ColumnLayout(String key, @Nullable String width, boolean hidden) {

    private static final Pattern CSS_LENGTH = Pattern.compile("\\d{1,6}(\\.\\d{1,4})?(px|rem|em|%)");

    public ColumnLayout {
        if (width != null && !CSS_LENGTH.matcher(width).matches()) {
            width = null;
        }
    }
}
