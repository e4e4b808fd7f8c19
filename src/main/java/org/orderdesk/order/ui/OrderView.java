package org.orderdesk.order.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.orderdesk.lock.LockEvent;
import org.orderdesk.lock.LockInfo;
import org.orderdesk.lock.LockTable;
import org.orderdesk.lock.ResourceId;
import org.orderdesk.order.Order;
import org.orderdesk.order.OrderLine;
import org.orderdesk.order.OrderLockBoard;
import org.orderdesk.order.OrderNotFoundException;
import org.orderdesk.order.OrderSaved;
import org.orderdesk.security.CurrentUser;
import org.orderdesk.ui.Countdown;
import org.orderdesk.ui.Formats;
import org.orderdesk.ui.LiveUpdates;
import org.orderdesk.ui.Notices;

/**
 * An order and its lines, read-only, with the way into the editor and, while someone holds the
 * order's lock, who and until when. Live: the banner follows the lock, the values follow saves,
 * and the avatars show who else is looking. Unknown or malformed ids lead to "Order not found".
 */
@Route("orders/:orderId")
@PermitAll
public class OrderView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ORDER_ID = "orderId";

    private final OrderLockBoard board;
    /** Who looks, read once: the banner is also redrawn in pushes, outside any request. */
    private final String myUsername;

    private final boolean supervisor;
    private final LiveUpdates live;
    private final Clock clock;
    private final WaitingActions waiting;
    /** The order's lock as shown; events update it on the threads that commit them. */
    private final LockTable locks = new LockTable();

    private final Div banner = new Div();
    private final Div content = new Div();
    private final Span status = new Span();
    private @Nullable Order order;
    /** The subscriptions for the order shown. */
    private final List<Registration> listening = new ArrayList<>();

    private boolean wasLocked;

    public OrderView(OrderLockBoard board, CurrentUser currentUser, LiveUpdates live, Clock clock) {
        this.board = board;
        this.myUsername = currentUser.require().getUsername();
        this.supervisor = currentUser.isSupervisor();
        this.live = live;
        this.clock = clock;
        this.waiting = new WaitingActions(board, this);
        addClassName("order-view");
        setSizeFull();
        banner.addClassName("lock-banner-area");
        content.addClassName("order-content");
        content.setWidthFull();
        addDetachListener(detach -> locks.clear());
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
        long id = orderId();
        removeAll();
        listenTo(id);
        add(header(order), banner, content);
        showValues(order);
        locks.clear();
        wasLocked = false;
        // A view shown for the first time loads the lock once attached, after subscribing.
        if (isAttached()) {
            loadLock();
        }
    }

    @Override
    public String getPageTitle() {
        return order == null ? "Order · Order Desk" : "Order " + orderNumber() + " · Order Desk";
    }

    /** Whether this view shows order {@code orderId}; alerts about an order shown here are left to it. */
    boolean shows(long orderId) {
        return order != null && orderId() == orderId;
    }

    /** Subscribes to the order's lock and saves; a reused view drops those of the order it showed before. */
    private void listenTo(long id) {
        listening.forEach(Registration::remove);
        listening.clear();
        ResourceId resource = ResourceId.order(id);
        listening.add(live.whileAttached(
                this,
                LockEvent.class,
                event -> event.resource().equals(resource) && locks.apply(event),
                this::lockChanged));
        listening.add(live.whileAttached(
                this, OrderSaved.class, saved -> saved.orderId() == id, saved -> "saved", saved -> reload()));
        // Once subscribed: the lock is loaded (a change racing the load is applied in token order),
        // and a save that committed between beforeEnter and the subscription is shown.
        listening.add(addAttachListener(attach -> {
            loadLock();
            if (board.changedSince(Objects.requireNonNull(order))) {
                reload();
            }
        }));
    }

    private void loadLock() {
        locks.load(board.currentLock(orderId()).stream().toList());
        showLock();
    }

    private void lockChanged(LockEvent event) {
        showLock();
        if (event instanceof LockEvent.Expiring expiring
                && !isMine(expiring.holder().username())) {
            Notices.show(
                    this,
                    expiring.holder().displayName() + "'s lock on order " + orderNumber() + " ends in "
                            + Formats.countdown(Duration.between(clock.instant(), expiring.expiresAt())),
                    NotificationVariant.LUMO_WARNING);
        }
    }

    private void reload() {
        board.findWithLines(orderId()).ifPresent(saved -> {
            order = saved;
            showStatus(saved);
            showValues(saved);
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
        OrderViewers viewers = new OrderViewers(board, live, id, myUsername());
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

    private void showValues(Order shown) {
        content.removeAll();
        content.add(details(shown), new H3("Lines"), lines(shown));
    }

    /**
     * Who edits the order now and until when ("Bob is editing this order since 10:32:05 — lock
     * ends 10:34:05"), that the lock is about to end, or, once it ended, that the order is free.
     */
    private void showLock() {
        banner.removeAll();
        Optional<LockInfo> current = locks.find(ResourceId.order(orderId()));
        if (current.isPresent()) {
            wasLocked = true;
            LockInfo lock = current.get();
            banner.add(lockBanner(lock));
            if (!isMine(lock.holder().username())) {
                banner.add(waitingActions(lock));
            }
        } else if (wasLocked) {
            banner.add(freeBanner());
        }
    }

    private Div lockBanner(LockInfo lock) {
        Instant now = clock.instant();
        String holder = lock.holder().displayName();
        Div shown = new Div(VaadinIcon.LOCK.create());
        if (isMine(lock.holder().username())) {
            String where = board.isHeldInSession(lock, WaitingActions.sessionId()) ? "tab" : "browser";
            shown.add(new Span("You are editing this order in another " + where + " since "
                    + Formats.time(lock.acquiredAt()) + " — lock ends " + Formats.time(lock.expiresAt())));
        } else if (lock.expiryWarned()) {
            shown.add(new Span(holder + "'s lock ends in "), new Countdown(lock.expiresAt(), now));
            shown.addClassName("expiring");
        } else {
            shown.add(
                    new Span(holder + " is editing this order since " + Formats.time(lock.acquiredAt())
                            + " — lock ends " + Formats.time(lock.expiresAt()) + " · "),
                    new Countdown(lock.expiresAt(), now),
                    new Span(" left"));
        }
        shown.addClassName("lock-banner");
        shown.getElement().setAttribute("role", "status");
        return shown;
    }

    private HorizontalLayout waitingActions(LockInfo lock) {
        long id = orderId();
        String number = orderNumber();
        HorizontalLayout actions = new HorizontalLayout();
        actions.addClassName("lock-actions");
        if (waiting.isNotifying(id)) {
            actions.add(new Button("Stop notifying me", VaadinIcon.BELL_SLASH.create(), click -> {
                waiting.stopNotifying(id, number);
                showLock();
            }));
        } else {
            actions.add(new Button("Notify me when free", VaadinIcon.BELL.create(), click -> {
                waiting.notifyWhenFree(id, number);
                showLock();
            }));
        }
        actions.add(new Button("Ask " + lock.holder().displayName() + " to release", click -> {
            waiting.askToRelease(id, number);
            showLock();
        }));
        if (supervisor) {
            Button takeOver = new Button("Take over…", click -> waiting.takeOver(lock, number));
            takeOver.addThemeVariants(ButtonVariant.LUMO_ERROR);
            actions.add(takeOver);
        }
        actions.getChildren().forEach(button -> ((Button) button).addThemeVariants(ButtonVariant.LUMO_SMALL));
        return actions;
    }

    private Div freeBanner() {
        long id = orderId();
        Button edit = new Button("Edit", VaadinIcon.EDIT.create(), click -> OrderEditorView.navigateTo(id));
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        Div free = new Div(VaadinIcon.UNLOCK.create(), new Span("Free now — "), edit);
        free.addClassNames("lock-banner", "free");
        free.getElement().setAttribute("role", "status");
        return free;
    }

    private boolean isMine(String username) {
        return username.equals(myUsername());
    }

    private String myUsername() {
        return myUsername;
    }

    private long orderId() {
        return Objects.requireNonNull(Objects.requireNonNull(order).getId());
    }

    private String orderNumber() {
        return Objects.requireNonNull(order).getOrderNumber();
    }

    private static FormLayout details(Order shown) {
        FormLayout form = new FormLayout();
        form.addClassName("order-details");
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
        form.add(
                readOnly("Customer", shown.getCustomer()),
                readOnly("Status", shown.getStatus().label()),
                readOnly("Total", Formats.money(shown.getTotal())),
                readOnly("Order date", Formats.date(shown.getOrderDate())),
                readOnly("Requested delivery", Formats.date(shown.getRequestedDeliveryDate())),
                readOnly("Last changed", lastChanged(shown)));
        TextArea notes = new TextArea("Notes");
        notes.setValue(shown.getNotes() == null ? "" : shown.getNotes());
        notes.setReadOnly(true);
        form.add(notes, 3);
        return form;
    }

    private static String lastChanged(Order shown) {
        if (shown.getLastChangedBy() == null) {
            return "";
        }
        return shown.getLastChangedBy() + " · " + Formats.dateTime(shown.getLastChangedAt());
    }

    private static TextField readOnly(String label, String value) {
        TextField field = new TextField(label);
        field.setValue(value);
        field.setReadOnly(true);
        return field;
    }

    private static Grid<OrderLine> lines(Order shown) {
        Grid<OrderLine> grid = new Grid<>();
        grid.addClassName("order-lines");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(OrderLine::getLineNo).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(OrderLine::getProduct).setHeader("Product").setFlexGrow(1);
        grid.addColumn(OrderLine::getQuantity)
                .setHeader("Quantity")
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(line -> Formats.money(line.getUnitPrice()))
                .setHeader("Unit price")
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(line -> Formats.money(line.getLineTotal()))
                .setHeader("Line total")
                .setFooter("Total " + Formats.money(shown.getTotal()))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.setItems(shown.getLines());
        return grid;
    }
}
