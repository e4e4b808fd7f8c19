package org.orderdesk.order.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.orderdesk.database.DatabaseAvailability;
import org.orderdesk.event.Resynchronised;
import org.orderdesk.lock.LockHistory;
import org.orderdesk.order.Order;
import org.orderdesk.order.OrderLockBoard;
import org.orderdesk.order.OrderNotFoundException;
import org.orderdesk.order.OrderSaved;
import org.orderdesk.security.SignedInUser;
import org.orderdesk.ui.LiveDataPaused;
import org.orderdesk.ui.LiveLockTable;
import org.orderdesk.ui.LiveUpdates;

/**
 * An order and its lines, read-only, with the way into the editor and, while someone holds the
 * order's lock, who and until when. Live: the banner follows the lock, the values follow saves,
 * and the avatars show who else is looking. Unknown or malformed ids lead to "Order not found".
 */
@Route("orders/:orderId")
@PermitAll
class OrderView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ORDER_ID = "orderId";

    private final OrderLockBoard board;
    /** Who looks, read once: the banner is also redrawn in pushes, outside any request. */
    private final String myUsername;

    private final LiveUpdates live;
    private final LockHistory history;

    private final LockBanner banner;
    private final ReleaseAnswerLine releaseAnswer;
    private final LiveDataPaused paused;
    private final OrderDetails content = new OrderDetails();
    private final Span status = new Span();
    private @Nullable Order order;
    /** The subscriptions for the order shown. */
    private final List<Registration> listening = new ArrayList<>();

    OrderView(
            OrderLockBoard board,
            SignedInUser currentUser,
            LiveUpdates live,
            Clock clock,
            LockHistory history,
            DatabaseAvailability database) {
        this.board = board;
        this.history = history;
        this.myUsername = currentUser.require().getUsername();
        this.live = live;
        LiveLockTable locks = new LiveLockTable(this, live);
        this.banner = new LockBanner(
                locks, new WaitingActions(board, this, myUsername, currentUser.isSupervisor(), clock), clock);
        this.releaseAnswer = new ReleaseAnswerLine(live, myUsername);
        this.paused = new LiveDataPaused(database, live);
        addClassName("order-view");
        setSizeFull();
    }

    static void navigateTo(long orderId) {
        UI.getCurrent().navigate(OrderView.class, parameters(orderId));
    }

    static RouteParameters parameters(long orderId) {
        return new RouteParameters(ORDER_ID, Long.toString(orderId));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String requested = event.getRouteParameters().get(ORDER_ID).orElse("");
        Optional<Order> found = OrderIds.parse(requested).flatMap(board::findWithLines);
        if (found.isEmpty()) {
            event.rerouteToError(new OrderNotFoundException(requested), "Order not found");
            return;
        }
        order = found.get();
        removeAll();
        banner.showFor(orderId(), orderNumber());
        add(header(order), paused, banner, releaseAnswer, content, new OrderHistory(history, live, orderId()));
        content.show(order);
        listenTo(orderId());
    }

    @Override
    public String getPageTitle() {
        return order == null ? "Order · Order Desk" : "Order " + orderNumber() + " · Order Desk";
    }

    /** Whether this view shows order {@code orderId}; alerts about an order shown here are left to it. */
    boolean shows(long orderId) {
        return order != null && orderId() == orderId;
    }

    /**
     * Follows the order's lock and saves, and reads both again after a resynchronisation; a reused
     * view drops those of the order it showed before.
     * A view shown for the first time loads the lock once attached, after subscribing.
     */
    private void listenTo(long id) {
        listening.forEach(Registration::remove);
        listening.clear();
        listening.add(banner.follow(board, id));
        listening.add(releaseAnswer.follow(id));
        listening.add(live.whileAttached(
                this, OrderSaved.class, saved -> saved.orderId() == id, saved -> "saved", saved -> reload()));
        // A save on another node may have gone unheard; the banner reloads with the lock table.
        listening.add(live.whileAttached(
                this, Resynchronised.class, resync -> true, resync -> "resynchronised", resync -> reload()));
        // Once subscribed: a save that committed between beforeEnter and the subscription is shown.
        listening.add(addAttachListener(attach -> {
            if (board.changedSince(Objects.requireNonNull(order))) {
                reload();
            }
        }));
    }

    private void reload() {
        board.findWithLines(orderId()).ifPresent(saved -> {
            order = saved;
            showStatus(saved);
            content.show(saved);
        });
    }

    private HorizontalLayout header(Order shown) {
        H2 title = new H2("Order " + shown.getOrderNumber());
        title.addClassName("order-title");
        showStatus(shown);
        RouterLink back = new RouterLink("Back to orders", OrdersView.class);
        back.addClassName("back-link");
        long id = Objects.requireNonNull(shown.getId());
        Button edit = new Button("Edit", VaadinIcon.EDIT.create(), click -> OrderEditorView.navigateTo(id));
        edit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        OrderViewers viewers = new OrderViewers(board, live, id, myUsername);
        HorizontalLayout header =
                new HorizontalLayout(VaadinIcon.FILE_TEXT_O.create(), title, status, viewers, edit, back);
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.setWidthFull();
        header.expand(status);
        return header;
    }

    private void showStatus(Order shown) {
        status.setText(shown.getStatus().label());
        status.setClassName("status-badge status-" + shown.getStatus().name().toLowerCase(Locale.ROOT));
    }

    private long orderId() {
        return Objects.requireNonNull(Objects.requireNonNull(order).getId());
    }

    private String orderNumber() {
        return Objects.requireNonNull(order).getOrderNumber();
    }
}
