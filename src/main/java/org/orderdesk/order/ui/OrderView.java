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
import jakarta.annotation.security.PermitAll;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.orderdesk.lock.LockInfo;
import org.orderdesk.order.Order;
import org.orderdesk.order.OrderEditing;
import org.orderdesk.order.OrderLine;
import org.orderdesk.order.OrderNotFoundException;
import org.orderdesk.security.CurrentUser;
import org.orderdesk.ui.Formats;

/**
 * An order and its lines, read-only, with the way into the editor and, while someone holds the
 * order's lock, who and until when. Unknown or malformed ids lead to the "Order not found" page. */
@Route("orders/:orderId")
@PermitAll
public class OrderView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ORDER_ID = "orderId";

    private final OrderEditing editing;
    private final CurrentUser currentUser;
    private @Nullable Order order;

    public OrderView(OrderEditing editing, CurrentUser currentUser) {
        this.editing = editing;
        this.currentUser = currentUser;
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
        Optional<Order> found = OrderIds.parse(requested).flatMap(editing::findWithLines);
        if (found.isEmpty()) {
            event.rerouteToError(new OrderNotFoundException(requested), "Order not found");
            return;
        }
        order = found.get();
        removeAll();
        show(order);
    }

    @Override
    public String getPageTitle() {
        return order == null ? "Order · Order Desk" : "Order " + order.getOrderNumber() + " · Order Desk";
    }

    private void show(Order shown) {
        H2 title = new H2("Order " + shown.getOrderNumber());
        title.addClassName("order-title");
        Span status = new Span(shown.getStatus().label());
        status.addClassNames(
                "status-badge", "status-" + shown.getStatus().name().toLowerCase(Locale.ROOT));
        RouterLink back = new RouterLink("Back to orders", OrdersView.class);
        back.addClassName("back-link");
        long id = Objects.requireNonNull(shown.getId());
        Button edit = new Button("Edit", VaadinIcon.EDIT.create(), click -> OrderEditorView.navigateTo(id));
        edit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout header = new HorizontalLayout(VaadinIcon.FILE_TEXT_O.create(), title, status, edit, back);
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.setWidthFull();
        header.expand(status);

        add(header);
        editing.currentLock(id).map(this::lockBanner).ifPresent(this::add);
        add(details(shown), new H3("Lines"), lines(shown));
    }

    /** Who edits the order now and until when: "Bob is editing this order since 10:32:05 — lock ends 10:34:05". */
    private Div lockBanner(LockInfo lock) {
        boolean mine = lock.holder().username().equals(currentUser.require().getUsername());
        String who = mine
                ? "You are editing this order in another tab"
                : lock.holder().displayName() + " is editing this order";
        Div banner = new Div(
                VaadinIcon.LOCK.create(),
                new Span(who + " since " + Formats.time(lock.acquiredAt()) + " — lock ends "
                        + Formats.time(lock.expiresAt())));
        banner.addClassName("lock-banner");
        banner.getElement().setAttribute("role", "status");
        return banner;
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
