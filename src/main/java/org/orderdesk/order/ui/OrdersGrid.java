package org.orderdesk.order.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.renderer.LitRenderer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.orderdesk.order.OrderSummary;
import org.orderdesk.ui.Formats;

/**
 * The orders as rows, sortable by every column but the lock, with a lock column and a way into
 * the editor (button, double click, Enter). Remembers the rows it fetched last, so that a lock
 * change re-renders its row, if shown, without asking the database.
 */
final class OrdersGrid extends Grid<OrderSummary> {

    /** Rows kept to refresh one by one when their lock changes; far more than a screen shows. */
    private static final int REMEMBERED_ROWS = 1000;

    /** The rows fetched most recently, by order id: a lock event refreshes its row only if shown. */
    private final Map<Long, OrderSummary> fetchedRows = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, OrderSummary> eldest) {
            return size() > REMEMBERED_ROWS;
        }
    };

    private @Nullable OrderSummary focusedRow;

    /** Without {@code lockCell}, no lock column: only to measure what the column costs. */
    OrdersGrid(@Nullable Function<OrderSummary, Optional<LockColumn.Cell>> lockCell, Consumer<OrderSummary> open) {
        addClassName("orders-grid");
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        setMultiSort(true, Grid.MultiSortPriority.APPEND, true);

        column(OrderSummary::orderNumber, "Number", "orderNumber", "7rem");
        if (lockCell != null) {
            LockColumn.addTo(this, lockCell);
        }
        column(OrderSummary::customer, "Customer", "customer", "12rem").setFlexGrow(2);
        column(row -> row.status().label(), "Status", "status", "6.5rem")
                .setPartNameGenerator(row -> "status-" + row.status().name().toLowerCase(Locale.ROOT));
        column(row -> Formats.date(row.orderDate()), "Order date", "orderDate", "7rem");
        column(row -> Formats.date(row.requestedDeliveryDate()), "Delivery date", "requestedDeliveryDate", "7.5rem");
        column(row -> Formats.money(row.total()), "Total", "total", "7rem").setTextAlign(ColumnTextAlign.END);
        column(row -> row.lastChangedBy() == null ? "" : row.lastChangedBy(), "Changed by", "lastChangedBy", "6.5rem");
        column(row -> Formats.dateTime(row.lastChangedAt()), "Changed at", "lastChangedAt", "9rem");
        openedBy(open);
    }

    private Column<OrderSummary> column(
            Function<OrderSummary, String> value, String header, String property, String width) {
        return addColumn(value::apply)
                .setHeader(header)
                .setKey(property)
                .setSortProperty(property)
                .setWidth(width)
                .setFlexGrow(0);
    }

    /** Rows come from {@code fetch} and {@code count}, a page at a time. */
    void showFrom(
            CallbackDataProvider.FetchCallback<OrderSummary, Void> fetch,
            CallbackDataProvider.CountCallback<OrderSummary, Void> count) {
        setItems(query -> remember(fetch.fetch(query)), count);
    }

    /** The last column: an Edit button per row; double click and Enter on a row do the same. */
    private void openedBy(Consumer<OrderSummary> open) {
        addColumn(LitRenderer.<OrderSummary>of(
                                "<vaadin-button theme=\"tertiary-inline small\" aria-label=\"Edit ${item.number}\""
                                        + " @click=\"${edit}\">Edit</vaadin-button>")
                        .withProperty("number", OrderSummary::orderNumber)
                        .withFunction("edit", open::accept))
                .setHeader("")
                .setKey("edit")
                .setWidth("4.5rem")
                .setFlexGrow(0);
        addItemDoubleClickListener(click -> open.accept(click.getItem()));
        addCellFocusListener(focus -> focusedRow = focus.getItem().orElse(null));
        Shortcuts.addShortcutListener(
                        this,
                        () -> {
                            if (focusedRow != null) {
                                open.accept(focusedRow);
                            }
                        },
                        Key.ENTER)
                .listenOn(this);
    }

    private Stream<OrderSummary> remember(Stream<OrderSummary> rows) {
        List<OrderSummary> fetched = rows.toList();
        fetched.forEach(row -> fetchedRows.put(row.id(), row));
        return fetched.stream();
    }

    /** Renders one row again, if the grid has it, without asking the database. */
    void refreshRow(long orderId) {
        OrderSummary row = fetchedRows.get(orderId);
        if (row != null) {
            getDataProvider().refreshItem(row);
        }
    }
}
