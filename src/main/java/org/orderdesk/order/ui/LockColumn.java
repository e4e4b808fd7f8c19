package org.orderdesk.order.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.renderer.LitRenderer;
import java.util.Optional;
import java.util.function.Function;
import org.orderdesk.lock.LockInfo;

/**
 * A grid column telling who edits the row's order and for how long: the holder and the time left,
 * counted down in the browser ({@code <od-countdown>}), marked once the lock is about to end.
 */
final class LockColumn {

    private LockColumn() {}

    static <T> Grid.Column<T> addTo(
            Grid<T> grid, Function<T, Optional<LockInfo>> lockOf, Function<LockInfo, String> holderLabel) {
        return grid.addColumn(LitRenderer.<T>of(
                                "<span class=\"lock-cell ${item.lockState}\" ?hidden=\"${!item.lockHolder}\">"
                                        + "<vaadin-icon icon=\"vaadin:lock\"></vaadin-icon>"
                                        + "<span class=\"lock-holder\">${item.lockHolder}</span> · "
                                        + "<od-countdown end=\"${item.lockEnd}\"></od-countdown></span>")
                        .withProperty(
                                "lockHolder",
                                row -> lockOf.apply(row).map(holderLabel).orElse(""))
                        .withProperty(
                                "lockEnd",
                                row -> lockOf.apply(row)
                                        .map(lock ->
                                                Long.toString(lock.expiresAt().toEpochMilli()))
                                        .orElse(""))
                        .withProperty(
                                "lockState",
                                row -> lockOf.apply(row)
                                        .map(lock -> lock.expiryWarned() ? "expiring" : "held")
                                        .orElse("")))
                .setHeader("Lock")
                .setKey("lock")
                .setWidth("10rem")
                .setFlexGrow(0);
    }
}
