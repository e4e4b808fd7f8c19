package org.orderdesk.order.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.orderdesk.event.Resynchronised;
import org.orderdesk.lock.LockEvent;
import org.orderdesk.lock.LockHistory;
import org.orderdesk.lock.LockHold;
import org.orderdesk.lock.LockUser;
import org.orderdesk.lock.ResourceId;
import org.orderdesk.ui.Formats;
import org.orderdesk.ui.LiveUpdates;
import org.springframework.data.domain.PageRequest;

/**
 * Who held the order's lock, from when to when and how each hold ended, newest first, a page at a
 * time. Every clerk sees it; it is read again by push whenever a hold of the order begins or ends.
 */
final class OrderHistory extends VerticalLayout {

    static final int PAGE_SIZE = 10;

    private final LockHistory history;
    private final ResourceId resource;
    private final Grid<LockHold> grid = new Grid<>();
    private final Button newer = new Button("Newer", VaadinIcon.ANGLE_LEFT.create(), click -> turn(-1));
    private final Button older = new Button("Older", VaadinIcon.ANGLE_RIGHT.create(), click -> turn(1));
    private final Span position = new Span();
    private final HorizontalLayout pager = new HorizontalLayout(newer, position, older);
    private int page;

    OrderHistory(LockHistory history, LiveUpdates live, long orderId) {
        this.history = history;
        this.resource = ResourceId.order(orderId);
        addClassName("order-history");
        setPadding(false);
        configureGrid();
        configurePager();
        add(new H3("History"), grid, pager);
        // Subscribed first, then read on attach: a hold that ends meanwhile is read again.
        live.whileAttached(this, LockEvent.class, this::beginsOrEndsAHold, event -> "history", event -> refresh());
        live.whileAttached(this, Resynchronised.class, resync -> true, resync -> "history", resync -> refresh());
        addAttachListener(attach -> refresh());
    }

    /** Reads the page shown again; a page past the last (none is) falls back to the last. */
    void refresh() {
        long holds = history.count(resource);
        int lastPage = holds == 0 ? 0 : (int) ((holds - 1) / PAGE_SIZE);
        page = Math.min(page, lastPage);
        List<LockHold> shown = history.holds(resource, PageRequest.of(page, PAGE_SIZE));
        grid.setItems(shown);
        long first = (long) page * PAGE_SIZE + 1;
        position.setText(first + "–" + (first + shown.size() - 1) + " of " + holds);
        newer.setEnabled(page > 0);
        older.setEnabled(page < lastPage);
        pager.setVisible(holds > PAGE_SIZE);
    }

    /** Runs on the thread that committed the event: reads only what never changes. */
    private boolean beginsOrEndsAHold(LockEvent event) {
        return event.resource().equals(resource)
                && (event instanceof LockEvent.Acquired
                        // An event with an endangered token ends a hold, unless it only warns of the end.
                        || (event.endangeredToken().isPresent() && !(event instanceof LockEvent.Expiring)));
    }

    private void turn(int pages) {
        page = Math.max(0, page + pages);
        refresh();
    }

    private void configureGrid() {
        grid.addClassName("order-history-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("Nobody has edited this order yet");
        grid.addColumn(hold -> hold.holder().displayName())
                .setHeader("Held by")
                .setKey("holder")
                .setAutoWidth(true);
        grid.addColumn(hold -> Formats.timestamp(hold.from()))
                .setHeader("From")
                .setKey("from")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(OrderHistory::to)
                .setHeader("To")
                .setKey("to")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(hold -> length(hold.from(), hold.to()))
                .setHeader("For")
                .setKey("for")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(OrderHistory::ending)
                .setHeader("How it ended")
                .setKey("ending")
                .setFlexGrow(1);
    }

    private void configurePager() {
        newer.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        newer.setAriaLabel("Newer holds");
        older.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        older.setAriaLabel("Older holds");
        older.setIconAfterText(true);
        position.addClassName("order-history-position");
        pager.setAlignItems(FlexComponent.Alignment.BASELINE);
    }

    private static String to(LockHold hold) {
        Instant to = hold.to();
        if (to != null) {
            return Formats.timestamp(to);
        }
        return hold.ending() == LockHold.Ending.STILL_HELD ? "still held" : "";
    }

    /** How long a hold lasted: "45 s", "12 min", "1 h 5 min", "2 d 3 h"; nothing while it runs. */
    private static String length(Instant from, @Nullable Instant to) {
        if (to == null) {
            return "";
        }
        Duration held = Duration.between(from, to);
        if (held.toMinutes() < 1) {
            return held.toSeconds() + " s";
        }
        if (held.toHours() < 1) {
            return held.toMinutes() + " min";
        }
        if (held.toDays() < 1) {
            return held.toHours() + " h " + held.toMinutesPart() + " min";
        }
        return held.toDays() + " d " + held.toHoursPart() + " h";
    }

    private static String ending(LockHold hold) {
        LockUser endedBy = hold.endedBy();
        String by = endedBy == null ? "" : " by " + endedBy.displayName();
        String reason = hold.reason();
        String because = reason == null || reason.isBlank() ? "" : " (reason: " + reason + ")";
        return switch (hold.ending()) {
            case STILL_HELD -> "";
            case SAVED -> "Saved";
            case RELEASED -> "Released";
            case LAPSED -> "Lapsed";
            case TAKEN_OVER -> "Taken over" + by + because;
            case BROKEN -> "Broken" + by + because;
            case MOVED -> "Moved to another tab";
            case UNKNOWN -> "Not recorded";
        };
    }
}
