package org.orderdesk.order.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.grid.contextmenu.GridContextMenu;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.PermitAll;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.orderdesk.lock.LockEvent;
import org.orderdesk.lock.LockInfo;
import org.orderdesk.lock.LockTable;
import org.orderdesk.lock.ResourceId;
import org.orderdesk.order.OrderFilter;
import org.orderdesk.order.OrderLockBoard;
import org.orderdesk.order.OrderService;
import org.orderdesk.order.OrderStatus;
import org.orderdesk.order.OrderSummary;
import org.orderdesk.security.CurrentUser;
import org.orderdesk.ui.Countdown;
import org.orderdesk.ui.Formats;
import org.orderdesk.ui.LiveUpdates;

/**
 * The home: every order in a lazily loaded, sortable, filterable grid, with who edits each order
 * and for how long, kept current by push one row at a time.
 */
@Route("orders")
@RouteAlias("")
@PageTitle("Orders · Order Desk")
@PermitAll
@JavaScript(Countdown.SCRIPT)
public class OrdersView extends VerticalLayout {

    /** Rows kept to refresh one by one when their lock changes; far more than a screen shows. */
    private static final int REMEMBERED_ROWS = 1000;

    private final OrderService orderService;
    private final OrderLockBoard board;
    /** Who looks, read once: rows are also rendered in pushes, outside any request. */
    private final String myUsername;

    private final boolean supervisor;
    private final WaitingActions waiting;
    private final TextField search = new TextField();
    private final ComboBox<OrderStatus> statusFilter = new ComboBox<>();
    private final Span matchCount = new Span();
    private final Grid<OrderSummary> grid = new Grid<>();
    /** The locks shown; events update it on the threads that commit them. */
    private final LockTable locks = new LockTable();
    /** The rows fetched most recently, by order id: a lock event refreshes its row only if shown. */
    private final Map<Long, OrderSummary> fetchedRows = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, OrderSummary> eldest) {
            return size() > REMEMBERED_ROWS;
        }
    };

    private @Nullable OrderSummary focusedRow;

    public OrdersView(OrderService orderService, OrderLockBoard board, CurrentUser currentUser, LiveUpdates live) {
        this.orderService = orderService;
        this.board = board;
        this.myUsername = currentUser.require().getUsername();
        this.supervisor = currentUser.isSupervisor();
        this.waiting = new WaitingActions(board, this);
        addClassName("orders-view");
        setSizeFull();
        setPadding(true);

        configureFilters();
        configureGrid();

        HorizontalLayout toolbar = new HorizontalLayout(search, statusFilter, matchCount);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.addClassName("orders-toolbar");
        add(toolbar, grid);
        setFlexGrow(1, grid);

        live.whileAttached(
                this,
                LockEvent.class,
                event -> ResourceId.ORDER.equals(event.resource().type()) && locks.apply(event),
                event -> event.resource().id(),
                event -> refreshRow(event.resource().id()));
        // After the subscription above: events that race the load are applied in token order.
        addAttachListener(attach -> locks.load(board.currentLocks()));
        addDetachListener(detach -> locks.clear());
    }

    private void configureFilters() {
        search.setPlaceholder("Order number or customer");
        search.setAriaLabel("Search orders");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("20rem");
        search.addValueChangeListener(change -> refresh());

        statusFilter.setItems(OrderStatus.values());
        statusFilter.setItemLabelGenerator(OrderStatus::label);
        statusFilter.setPlaceholder("Any status");
        statusFilter.setAriaLabel("Status");
        statusFilter.setClearButtonVisible(true);
        statusFilter.addValueChangeListener(change -> refresh());

        matchCount.addClassName("match-count");
    }

    private void configureGrid() {
        grid.addClassName("orders-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setMultiSort(true, Grid.MultiSortPriority.APPEND, true);

        grid.addColumn(OrderSummary::orderNumber)
                .setHeader("Number")
                .setKey("orderNumber")
                .setSortProperty("orderNumber")
                .setWidth("7rem")
                .setFlexGrow(0);
        grid.addColumn(LitRenderer.<OrderSummary>of(
                                "<span class=\"lock-cell ${item.lockState}\" ?hidden=\"${!item.lockHolder}\">"
                                        + "<vaadin-icon icon=\"vaadin:lock\"></vaadin-icon>"
                                        + "<span class=\"lock-holder\">${item.lockHolder}</span> · "
                                        + "<od-countdown end=\"${item.lockEnd}\"></od-countdown></span>")
                        .withProperty(
                                "lockHolder",
                                row -> lockOf(row).map(this::holderLabel).orElse(""))
                        .withProperty(
                                "lockEnd",
                                row -> lockOf(row)
                                        .map(lock ->
                                                Long.toString(lock.expiresAt().toEpochMilli()))
                                        .orElse(""))
                        .withProperty(
                                "lockState",
                                row -> lockOf(row)
                                        .map(lock -> lock.expiryWarned() ? "expiring" : "held")
                                        .orElse("")))
                .setHeader("Lock")
                .setKey("lock")
                .setWidth("10rem")
                .setFlexGrow(0);

        grid.addColumn(OrderSummary::customer)
                .setHeader("Customer")
                .setKey("customer")
                .setSortProperty("customer")
                .setWidth("12rem")
                .setFlexGrow(2);
        grid.addColumn(row -> row.status().label())
                .setHeader("Status")
                .setKey("status")
                .setSortProperty("status")
                .setPartNameGenerator(row -> "status-" + row.status().name().toLowerCase(Locale.ROOT))
                .setWidth("6.5rem")
                .setFlexGrow(0);
        grid.addColumn(row -> Formats.date(row.orderDate()))
                .setHeader("Order date")
                .setKey("orderDate")
                .setSortProperty("orderDate")
                .setWidth("7rem")
                .setFlexGrow(0);
        grid.addColumn(row -> Formats.date(row.requestedDeliveryDate()))
                .setHeader("Delivery date")
                .setKey("requestedDeliveryDate")
                .setSortProperty("requestedDeliveryDate")
                .setWidth("7.5rem")
                .setFlexGrow(0);
        grid.addColumn(row -> Formats.money(row.total()))
                .setHeader("Total")
                .setKey("total")
                .setSortProperty("total")
                .setTextAlign(ColumnTextAlign.END)
                .setWidth("7rem")
                .setFlexGrow(0);
        grid.addColumn(row -> row.lastChangedBy() == null ? "" : row.lastChangedBy())
                .setHeader("Changed by")
                .setKey("lastChangedBy")
                .setSortProperty("lastChangedBy")
                .setWidth("6.5rem")
                .setFlexGrow(0);
        grid.addColumn(row -> Formats.dateTime(row.lastChangedAt()))
                .setHeader("Changed at")
                .setKey("lastChangedAt")
                .setSortProperty("lastChangedAt")
                .setWidth("9rem")
                .setFlexGrow(0);

        grid.setItems(
                query -> remember(
                        orderService.list(currentFilter(), VaadinSpringDataHelpers.toSpringPageRequest(query))),
                query -> (int) orderService.count(currentFilter()));
        // The grid counts the rows anyway; reuse its count instead of asking the database twice.
        grid.getLazyDataView().addItemCountChangeListener(change -> showMatchCount(change.getItemCount()));

        grid.addColumn(LitRenderer.<OrderSummary>of(
                                "<vaadin-button theme=\"tertiary-inline small\" aria-label=\"Edit ${item.number}\""
                                        + " @click=\"${edit}\">Edit</vaadin-button>")
                        .withProperty("number", OrderSummary::orderNumber)
                        .withFunction("edit", this::open))
                .setHeader("")
                .setKey("edit")
                .setWidth("4.5rem")
                .setFlexGrow(0);
        GridContextMenu<OrderSummary> menu = grid.addContextMenu();
        menu.setDynamicContentHandler(row -> {
            menu.removeAll();
            if (row == null) {
                return false;
            }
            rowActions(row).forEach((label, action) -> menu.addItem(label, click -> action.run()));
            return true;
        });

        grid.addItemDoubleClickListener(click -> open(click.getItem()));
        grid.addCellFocusListener(focus -> focusedRow = focus.getItem().orElse(null));
        Shortcuts.addShortcutListener(
                        grid,
                        () -> {
                            if (focusedRow != null) {
                                open(focusedRow);
                            }
                        },
                        Key.ENTER)
                .listenOn(grid);
    }

    private OrderFilter currentFilter() {
        return new OrderFilter(search.getValue(), statusFilter.getValue());
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private void showMatchCount(int count) {
        matchCount.setText(String.format(Locale.US, "%,d %s", count, count == 1 ? "order" : "orders"));
    }

    /** What the context menu offers for {@code row}, by label, in menu order. */
    Map<String, Runnable> rowActions(OrderSummary row) {
        Map<String, Runnable> actions = new LinkedHashMap<>();
        actions.put("Edit", () -> open(row));
        actions.put("Open read-only", () -> OrderView.navigateTo(row.id()));
        Optional<LockInfo> lock = lockOf(row).filter(held -> !isMine(held));
        if (lock.isPresent()) {
            LockInfo held = lock.get();
            if (waiting.isNotifying(row.id())) {
                actions.put("Stop notifying me", () -> waiting.stopNotifying(row.id(), row.orderNumber()));
            } else {
                actions.put("Notify me when free", () -> waiting.notifyWhenFree(row.id(), row.orderNumber()));
            }
            actions.put(
                    "Ask " + held.holder().displayName() + " to release",
                    () -> waiting.askToRelease(row.id(), row.orderNumber()));
            if (supervisor) {
                actions.put("Take over…", () -> waiting.takeOver(held, row.orderNumber()));
            }
        }
        return actions;
    }

    /** The holder as this clerk reads it: a name, "you" (another browser) or "you, other tab". */
    private String holderLabel(LockInfo lock) {
        if (!isMine(lock)) {
            return lock.holder().displayName();
        }
        return board.isHeldInSession(lock, WaitingActions.sessionId()) ? "you, other tab" : "you";
    }

    private boolean isMine(LockInfo lock) {
        return lock.holder().username().equals(myUsername);
    }

    private Optional<LockInfo> lockOf(OrderSummary row) {
        return locks.find(ResourceId.order(row.id()));
    }

    private Stream<OrderSummary> remember(List<OrderSummary> rows) {
        rows.forEach(row -> fetchedRows.put(row.id(), row));
        return rows.stream();
    }

    /** Renders one row again, if the grid has it, without asking the database. */
    private void refreshRow(long orderId) {
        OrderSummary row = fetchedRows.get(orderId);
        if (row != null) {
            grid.getDataProvider().refreshItem(row);
        }
    }

    /** Opens the editor, which acquires the lock or shows the order read-only with who holds it. */
    private void open(OrderSummary row) {
        OrderEditorView.navigateTo(row.id());
    }

    Grid<OrderSummary> grid() {
        return grid;
    }

    TextField search() {
        return search;
    }

    ComboBox<OrderStatus> statusFilter() {
        return statusFilter;
    }

    Span matchCount() {
        return matchCount;
    }
}
