package org.orderdesk.lock.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.grid.dataview.GridListDataView;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.function.SerializableConsumer;
import java.util.ArrayList;
import java.util.List;
import org.orderdesk.lock.LockAdministration.LiveLock;
import org.orderdesk.ui.Formats;

/**
 * Every live lock: which order, who holds it since when and until when, the time left counted
 * down in the browser ({@code <od-countdown>}), and a way to break it.
 */
final class LiveLocksGrid extends Grid<LiveLock> {

    private final List<LiveLock> rows = new ArrayList<>();
    private final GridListDataView<LiveLock> shown;

    LiveLocksGrid(SerializableConsumer<LiveLock> onBreak) {
        addClassName("live-locks");
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        setEmptyStateText("No order is being edited right now");

        addColumn(LiveLock::resourceName).setHeader("Order").setKey("order").setAutoWidth(true);
        addColumn(row -> row.lock().holder().displayName())
                .setHeader("Holder")
                .setKey("holder")
                .setAutoWidth(true);
        addColumn(row -> Formats.time(row.lock().acquiredAt()))
                .setHeader("Since")
                .setKey("since")
                .setAutoWidth(true);
        addColumn(row -> Formats.time(row.lock().expiresAt()))
                .setHeader("Ends")
                .setKey("ends")
                .setAutoWidth(true);
        // The element owns its text and counts down by itself: the template leaves it empty.
        addColumn(LitRenderer.<LiveLock>of("<od-countdown end=\"${item.end}\"></od-countdown>")
                        .withProperty("end", row -> row.lock().expiresAt().toEpochMilli()))
                .setHeader("Left")
                .setKey("left")
                .setAutoWidth(true);
        addColumn(LitRenderer.<LiveLock>of("<vaadin-button theme=\"error tertiary-inline small\""
                                + " aria-label=\"Break ${item.holder}'s lock on ${item.order}\""
                                + " @click=\"${breakLock}\">Break…</vaadin-button>")
                        .withProperty("holder", row -> row.lock().holder().displayName())
                        .withProperty("order", LiveLock::resourceName)
                        .withFunction("breakLock", onBreak))
                .setHeader("")
                .setKey("break")
                .setAutoWidth(true)
                .setFlexGrow(0);

        shown = setItems(rows);
    }

    /** Shows {@code live} instead of what was shown, keeping the grid's scroll position. */
    void show(List<LiveLock> live) {
        rows.clear();
        rows.addAll(live);
        shown.refreshAll();
    }
}
