package org.orderdesk.order.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.renderer.LitRenderer;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * A grid column telling who edits the row's order and for how long: the holder and the time left,
 * counted down in the browser ({@code <od-countdown>}), marked once the lock is about to end; or
 * for whom the free order is reserved and how long their turn lasts ("Reserved for Bob · 0:28").
 */
final class LockColumn {

    /** What a cell shows: "Alice" or "Reserved for Bob", until {@code end}, in a {@code state} held, expiring or reserved. */
    record Cell(String label, Instant end, String state) {}

    private LockColumn() {}

    static <T> Grid.Column<T> addTo(Grid<T> grid, Function<T, Optional<Cell>> cellOf) {
        return grid.addColumn(LitRenderer.<T>of(
                                "<span class=\"lock-cell ${item.lockState}\" ?hidden=\"${!item.lockHolder}\">"
                                        + "<vaadin-icon icon=\"${item.lockState === 'reserved' ? 'vaadin:clock' : 'vaadin:lock'}\">"
                                        + "</vaadin-icon>"
                                        + "<span class=\"lock-holder\">${item.lockHolder}</span> · "
                                        + "<od-countdown end=\"${item.lockEnd}\"></od-countdown></span>")
                        .withProperty(
                                "lockHolder",
                                row -> cellOf.apply(row).map(Cell::label).orElse(""))
                        .withProperty(
                                "lockEnd",
                                row -> cellOf.apply(row)
                                        .map(cell -> Long.toString(cell.end().toEpochMilli()))
                                        .orElse(""))
                        .withProperty(
                                "lockState",
                                row -> cellOf.apply(row).map(Cell::state).orElse("")))
                .setHeader("Lock")
                .setKey("lock")
                .setWidth("10rem")
                .setFlexGrow(0);
    }
}
