package org.orderdesk.order.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.shared.Registration;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.orderdesk.database.DatabaseFailures;
import org.orderdesk.event.Resynchronised;
import org.orderdesk.order.Order;
import org.orderdesk.order.OrderLockBoard;
import org.orderdesk.order.OrderSaved;
import org.orderdesk.ui.LiveLockTable;
import org.orderdesk.ui.LiveUpdates;

/**
 * The order a clerk has reached in the orders grid, read-only, beside it: the values and lines,
 * who edits it (the read-only view's live banner, with its waiting actions) and who else looks at
 * it. It follows the order's lock and saves while shown, and moves its subscriptions to the next
 * order the clerk reaches. Previewing an order does not count as looking at it: the avatars show
 * the others, but the clerk is not added to them.
 *
 * <p>The grid tells every row reached, one per arrow key; {@link #preview} only notes the order
 * and reads it once, just before the server answers, so that a burst of keys that arrive in one
 * round trip reads one order, the last. A key held down makes at most one read per round trip.
 */
final class OrderPreview extends Div {

    private final OrderLockBoard board;
    private final LiveUpdates live;
    private final String myUsername;
    private final LockBanner banner;
    private final OrderDetails details = new OrderDetails();
    /** What is shown of the order; notices opened from the banner are the pane's own children and stay. */
    private final Div content = new Div();
    /** The subscriptions for the order shown. */
    private final List<Registration> listening = new ArrayList<>();

    private @Nullable Order shown;
    /** The order to show at the end of this round trip, if any. */
    private @Nullable Long wanted;

    OrderPreview(OrderLockBoard board, LiveUpdates live, String myUsername, boolean supervisor, Clock clock) {
        this.board = board;
        this.live = live;
        this.myUsername = myUsername;
        LiveLockTable locks = new LiveLockTable(this, live);
        this.banner = new LockBanner(locks, new WaitingActions(board, this, myUsername, supervisor, clock), clock);
        addClassName("order-preview");
        content.addClassName("preview-content");
        add(content);
        getElement().setAttribute("role", "region");
        getElement().setAttribute("aria-label", "Order preview");
        showNothing();
        // Detached while hidden: saves went unheard, so the order is read again if it changed.
        addAttachListener(attach -> {
            if (shown != null && board.changedSince(shown)) {
                reload();
            }
        });
        // A read planned for a response that this pane, detached, no longer takes part in.
        addDetachListener(detach -> wanted = null);
    }

    /** Shows order {@code orderId} once this round trip ends, unless another one is asked for meanwhile. */
    void preview(long orderId) {
        boolean scheduled = wanted != null;
        wanted = orderId;
        if (!scheduled) {
            getUI().ifPresentOrElse(ui -> ui.beforeClientResponse(this, context -> showWanted()), () -> wanted = null);
        }
    }

    /** The id of the order shown, if any. */
    @Nullable
    Long shownOrderId() {
        return shown == null ? null : shown.getId();
    }

    private void showWanted() {
        Long id = wanted;
        wanted = null;
        if (id == null || Objects.equals(id, shownOrderId())) {
            return;
        }
        try {
            board.findWithLines(id).ifPresentOrElse(this::show, this::showNothing);
        } catch (RuntimeException failure) {
            if (!DatabaseFailures.didNotAnswer(failure)) {
                throw failure;
            }
            // The pane keeps what it shows; the grid's view says that live data is paused.
        }
    }

    private void show(Order order) {
        long id = Objects.requireNonNull(order.getId());
        shown = order;
        stopListening();
        content.removeAll();
        banner.showFor(id, order.getOrderNumber());
        content.add(header(order), banner, details);
        details.show(order);
        listenTo(id);
    }

    private void showNothing() {
        shown = null;
        stopListening();
        content.removeAll();
        Paragraph hint = new Paragraph("Select an order, or move to it with the arrow keys, to see it here.");
        hint.addClassName("preview-hint");
        content.add(hint);
    }

    /** The order's lock, its saves, and both again after a resynchronisation, as in the read-only view. */
    private void listenTo(long id) {
        listening.add(banner.follow(board, id));
        listening.add(live.whileAttached(
                this, OrderSaved.class, saved -> saved.orderId() == id, saved -> "saved", saved -> reload()));
        listening.add(live.whileAttached(
                this, Resynchronised.class, resync -> true, resync -> "resynchronised", resync -> reload()));
    }

    private void stopListening() {
        listening.forEach(Registration::remove);
        listening.clear();
    }

    private void reload() {
        if (shown != null) {
            board.findWithLines(Objects.requireNonNull(shown.getId())).ifPresent(saved -> {
                shown = saved;
                content.removeAll();
                content.add(header(saved), banner, details);
                details.show(saved);
            });
        }
    }

    private HorizontalLayout header(Order order) {
        long id = Objects.requireNonNull(order.getId());
        H3 title = new H3("Order " + order.getOrderNumber());
        title.addClassName("preview-title");
        Span status = new Span(order.getStatus().label());
        status.setClassName("status-badge status-" + order.getStatus().name().toLowerCase(Locale.ROOT));
        Button edit = new Button("Edit", VaadinIcon.EDIT.create(), click -> OrderEditorView.navigateTo(id));
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        edit.setAriaLabel("Edit order " + order.getOrderNumber());
        HorizontalLayout header =
                new HorizontalLayout(title, status, OrderViewers.notCountingMe(board, live, id, myUsername), edit);
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.setWidthFull();
        header.expand(status);
        header.addClassName("preview-header");
        return header;
    }
}
