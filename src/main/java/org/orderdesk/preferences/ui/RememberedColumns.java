package org.orderdesk.preferences.ui;

import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.data.provider.SortDirection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.orderdesk.preferences.ColumnLayout;
import org.orderdesk.preferences.GridLayout;
import org.orderdesk.preferences.GridPreferences;
import org.orderdesk.preferences.SortColumn;
import org.orderdesk.ui.Notices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * Lets a clerk resize, reorder and hide a grid's columns and remembers that, with the sort, as the
 * clerk's layout of the grid: applied when the grid is built, saved after every change (a column
 * moved, resized, shown or hidden, the sort changed). Columns are known by their keys; those with
 * a header can be hidden through {@link #chooser()}, which also puts the columns back as they came.
 * Build it once the grid has all its columns, in their default order and widths.
 */
public final class RememberedColumns<T> {

    private static final Logger log = LoggerFactory.getLogger(RememberedColumns.class);

    private final Grid<T> grid;
    private final HasComponents view;
    private final String gridName;
    private final String username;
    private final GridPreferences preferences;
    private final List<Grid.Column<T>> defaultOrder;
    private final Map<String, Size> defaultSizes = new HashMap<>();
    /** The columns in the order shown: the grid does not tell after a clerk moved one. */
    private List<Grid.Column<T>> order;

    private final Map<String, MenuItem> shownItems = new HashMap<>();
    /** Set while a layout is applied, so that the grid's own events are not saved back. */
    private boolean applying;

    /** A column's width as the grid was built; a remembered width replaces both. */
    private record Size(@Nullable String width, int flexGrow) {}

    /** {@code view} shows the grid, and a notice if a change cannot be saved. */
    public RememberedColumns(
            Grid<T> grid, HasComponents view, String gridName, String username, GridPreferences preferences) {
        this.grid = grid;
        this.view = view;
        this.gridName = gridName;
        this.username = username;
        this.preferences = preferences;
        this.defaultOrder = List.copyOf(grid.getColumns());
        this.order = defaultOrder;
        defaultOrder.forEach(
                column -> defaultSizes.put(column.getKey(), new Size(column.getWidth(), column.getFlexGrow())));
        grid.setColumnReorderingAllowed(true);
        defaultOrder.forEach(column -> column.setResizable(true));

        apply(preferences.layoutOf(username, gridName, keys(defaultOrder)));
        grid.addColumnReorderListener(reorder -> {
            order = List.copyOf(reorder.getColumns());
            save();
        });
        grid.addColumnResizeListener(resize -> save());
        grid.addSortListener(sort -> save());
    }

    /**
     * A "Columns" menu: one checkable item per column with a header, checked while shown, and
     * "Reset columns", which puts order, widths and visibility back as they came (the sort stays).
     */
    public MenuBar chooser() {
        MenuBar bar = new MenuBar();
        bar.addClassName("column-chooser");
        bar.addThemeVariants(MenuBarVariant.LUMO_TERTIARY);
        MenuItem root = bar.addItem("Columns");
        root.addComponentAsFirst(VaadinIcon.TABLE.create());
        SubMenu columns = root.getSubMenu();
        for (Grid.Column<T> column : defaultOrder) {
            String header = column.getHeaderText();
            if (header == null || header.isBlank()) {
                continue;
            }
            MenuItem item = columns.addItem(
                    header, click -> showColumn(column, click.getSource().isChecked()));
            item.setCheckable(true);
            item.setChecked(column.isVisible());
            // A click on a checkable item toggles it; a menu that stays open lets a clerk pick several.
            item.setKeepOpen(true);
            shownItems.put(column.getKey(), item);
        }
        columns.addSeparator();
        columns.addItem("Reset columns", click -> reset());
        return bar;
    }

    private void showColumn(Grid.Column<T> column, boolean shown) {
        long shownWithHeader = order.stream()
                .filter(Grid.Column::isVisible)
                .filter(each -> shownItems.containsKey(each.getKey()))
                .count();
        if (!shown && shownWithHeader == 1) {
            // The last column shown stays: a grid without columns says nothing.
            shownItems.get(column.getKey()).setChecked(true);
            return;
        }
        column.setVisible(shown);
        save();
    }

    private void reset() {
        GridLayout current = current();
        apply(new GridLayout(GridLayout.defaultOf(keys(defaultOrder)).columns(), current.sort()));
        save();
    }

    private void apply(GridLayout layout) {
        applying = true;
        try {
            Map<String, Grid.Column<T>> byKey = new HashMap<>();
            defaultOrder.forEach(column -> byKey.put(column.getKey(), column));
            List<Grid.Column<T>> arranged = new ArrayList<>();
            for (ColumnLayout column : layout.columns()) {
                Grid.Column<T> shown = byKey.get(column.key());
                arranged.add(shown);
                Size size = defaultSizes.get(column.key());
                // A width the clerk dragged is exact: the column no longer takes a share of spare room.
                shown.setWidth(column.width() == null ? size.width() : column.width());
                shown.setFlexGrow(column.width() == null ? size.flexGrow() : 0);
                shown.setVisible(!column.hidden());
                MenuItem item = shownItems.get(column.key());
                if (item != null) {
                    item.setChecked(!column.hidden());
                }
            }
            order = List.copyOf(arranged);
            grid.setColumnOrder(order);
            grid.sort(layout.sort().stream()
                    .map(by -> new GridSortOrder<>(
                            byKey.get(by.key()), by.descending() ? SortDirection.DESCENDING : SortDirection.ASCENDING))
                    .filter(by -> by.getSorted().isSortable())
                    .toList());
        } finally {
            applying = false;
        }
    }

    /** The layout shown now. */
    private GridLayout current() {
        return new GridLayout(
                order.stream()
                        .map(column -> new ColumnLayout(column.getKey(), widthIfChanged(column), !column.isVisible()))
                        .toList(),
                grid.getSortOrder().stream()
                        .map(by ->
                                new SortColumn(by.getSorted().getKey(), by.getDirection() == SortDirection.DESCENDING))
                        .toList());
    }

    /** A default width is not stored, so that a later release may change it. */
    private @Nullable String widthIfChanged(Grid.Column<T> column) {
        String width = column.getWidth();
        return width == null || width.equals(defaultSizes.get(column.getKey()).width()) ? null : width;
    }

    private void save() {
        if (applying) {
            return;
        }
        try {
            preferences.saveLayout(username, gridName, current());
        } catch (DataAccessException failure) {
            log.warn("Could not save {}'s layout of the {} grid", username, gridName, failure);
            Notices.show(
                    view,
                    "Could not remember your columns: the database did not answer. They stay as they are here.",
                    NotificationVariant.LUMO_WARNING);
        }
    }

    private static <T> List<String> keys(List<Grid.Column<T>> columns) {
        return columns.stream().map(Grid.Column::getKey).toList();
    }
}
