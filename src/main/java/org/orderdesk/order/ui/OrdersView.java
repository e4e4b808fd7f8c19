package org.orderdesk.order.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.combobox.ComboBox;
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
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.orderdesk.order.OrderFilter;
import org.orderdesk.order.OrderService;
import org.orderdesk.order.OrderStatus;
import org.orderdesk.order.OrderSummary;
import org.orderdesk.ui.Formats;

/** The home: every order in a lazily loaded, sortable, filterable grid. */
@Route("orders")
@RouteAlias("")
@PageTitle("Orders · Order Desk")
@PermitAll
public class OrdersView extends VerticalLayout {

    private final OrderService orderService;
    private final TextField search = new TextField();
    private final ComboBox<OrderStatus> statusFilter = new ComboBox<>();
    private final Span matchCount = new Span();
    private final Grid<OrderSummary> grid = new Grid<>();
    private @Nullable OrderSummary focusedRow;

    public OrdersView(OrderService orderService) {
        this.orderService = orderService;
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
                query ->
                        orderService.list(currentFilter(), VaadinSpringDataHelpers.toSpringPageRequest(query)).stream(),
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
        menu.addItem("Edit", click -> click.getItem().ifPresent(this::open));
        menu.addItem("Open read-only", click -> click.getItem().ifPresent(row -> OrderView.navigateTo(row.id())));

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
