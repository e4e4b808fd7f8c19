package org.orderdesk.order.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.grid.contextmenu.GridContextMenu;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.orderdesk.database.DatabaseAvailability;
import org.orderdesk.database.DatabaseFailures;
import org.orderdesk.lock.LockInfo;
import org.orderdesk.lock.Reservation;
import org.orderdesk.lock.ResourceId;
import org.orderdesk.order.OrderFilter;
import org.orderdesk.order.OrderLockBoard;
import org.orderdesk.order.OrderService;
import org.orderdesk.order.OrderStatus;
import org.orderdesk.order.OrderSummary;
import org.orderdesk.preferences.GridPreferences;
import org.orderdesk.preferences.ui.RememberedColumns;
import org.orderdesk.security.SignedInUser;
import org.orderdesk.ui.Countdown;
import org.orderdesk.ui.LiveDataPaused;
import org.orderdesk.ui.LiveLockTable;
import org.orderdesk.ui.LiveUpdates;
import org.orderdesk.ui.Notices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;

/**
 * The home: every order in a lazily loaded, sortable, filterable grid, with who edits each order
 * and for how long, kept current by push one row at a time, and read again whole after a
 * resynchronisation. Its columns and sort are kept as the clerk arranged them; a preview pane
 * beside it, if the clerk shows it, shows the order reached with the arrow keys or a click.
 * While the database does not answer, a notice above both says that live data is paused, and the
 * rows shown stay: nothing the clerk does here reads them again until the database is back.
 */
@Route("orders")
@RouteAlias("")
@Menu(order = 0, title = "Orders", icon = "vaadin:list")
@PageTitle("Orders · Order Desk")
@PermitAll
@JavaScript(Countdown.SCRIPT)
class OrdersView extends VerticalLayout {

    /** The grid's name in each clerk's preferences. */
    static final String GRID_NAME = "orders";

    private static final Logger log = LoggerFactory.getLogger(OrdersView.class);

    private final WaitingActions waiting;
    private final TextField search = new TextField();
    private final ComboBox<OrderStatus> statusFilter = new ComboBox<>();
    private final Span matchCount = new Span();
    private final LiveLockTable locks;
    private final OrdersGrid grid;
    private final OrderPreview preview;
    private final LiveDataPaused paused;
    private final Button previewToggle = new Button("Preview", VaadinIcon.SPLIT_H.create());
    private final SplitLayout gridAndPreview = new SplitLayout();
    private final GridPreferences preferences;
    private final String username;
    /** The row the clerk reached last, by arrow keys or a click: what the preview shows once opened. */
    private @Nullable OrderSummary reached;

    private boolean previewShown;

    private final DatabaseAvailability database;
    /** The number of rows the grid shows now. */
    private int shownCount;

    @Autowired
    OrdersView(
            OrderService orderService,
            OrderLockBoard board,
            SignedInUser currentUser,
            LiveUpdates live,
            GridPreferences preferences,
            DatabaseAvailability database,
            Clock clock) {
        this(orderService, board, currentUser, live, preferences, database, clock, true);
    }

    /**
     * Without {@code lockFeatures}, the grid has no lock column and follows no locks: only to
     * measure, side by side, what they cost a clerk's session.
     */
    OrdersView(
            OrderService orderService,
            OrderLockBoard board,
            SignedInUser currentUser,
            LiveUpdates live,
            GridPreferences preferences,
            DatabaseAvailability database,
            Clock clock,
            boolean lockFeatures) {
        // Who looks, read once: rows are also rendered in pushes, outside any request.
        this.username = currentUser.require().getUsername();
        boolean supervisor = currentUser.isSupervisor();
        this.waiting = new WaitingActions(board, this, username, supervisor, clock);
        this.preferences = preferences;
        this.paused = new LiveDataPaused(database, live);
        this.preview = new OrderPreview(board, live, username, supervisor, clock);
        this.locks = new LiveLockTable(this, live);
        this.grid = new OrdersGrid(lockFeatures ? this::lockCell : null, this::open);
        addClassName("orders-view");
        setSizeFull();
        setPadding(true);

        configureFilters();
        this.database = database;
        grid.showFrom(
                query -> answered(
                        () ->
                                orderService
                                        .list(currentFilter(), VaadinSpringDataHelpers.toSpringPageRequest(query))
                                        .stream(),
                        Stream::empty),
                query -> answered(() -> (int) orderService.count(currentFilter()), () -> shownCount));
        // The grid counts the rows anyway; reuse its count instead of asking the database twice.
        grid.getLazyDataView().addItemCountChangeListener(change -> showMatchCount(change.getItemCount()));
        addContextMenu();
        RememberedColumns<OrderSummary> columns = new RememberedColumns<>(grid, this, GRID_NAME, username, preferences);
        grid.addCellFocusListener(focus -> focus.getItem().ifPresent(this::reach));
        grid.addSelectionListener(selection -> selection.getFirstSelectedItem().ifPresent(this::reach));
        configurePreviewToggle();

        HorizontalLayout toolbar =
                new HorizontalLayout(search, statusFilter, matchCount, previewToggle, columns.chooser());
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.addClassName("orders-toolbar");
        toolbar.setWidthFull();
        toolbar.expand(matchCount);
        gridAndPreview.addClassName("orders-split");
        gridAndPreview.setSplitterPosition(62);
        gridAndPreview.setSizeFull();
        add(toolbar, paused);
        showPreview(preferences.isPreviewShown(username, GRID_NAME));

        if (lockFeatures) {
            followLocks(board);
        }
    }

    /**
     * Each load (on attach, after a resynchronisation) redraws the rows, and reads them again:
     * saves on other nodes may have been missed too.
     */
    private void followLocks(OrderLockBoard board) {
        locks.follow(
                event -> ResourceId.ORDER.equals(event.resource().type()),
                event -> false,
                event -> event.resource().id(),
                event -> grid.refreshRow(event.resource().id()),
                board::currentLocks,
                board::currentReservations,
                this::refresh);
    }

    private void configurePreviewToggle() {
        previewToggle.addClassName("preview-toggle");
        previewToggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        previewToggle.setTooltipText("Show the order you reach in the grid beside it");
        previewToggle.addClickListener(click -> {
            showPreview(!previewShown);
            try {
                preferences.showPreview(username, GRID_NAME, previewShown);
            } catch (DataAccessException failure) {
                log.warn("Could not save whether {} shows the preview", username, failure);
                Notices.show(
                        this,
                        "Could not remember the preview for next time: the database did not answer.",
                        NotificationVariant.LUMO_WARNING);
            }
        });
    }

    /**
     * Shows the grid alone or beside the preview. A hidden preview is detached, so that it follows
     * no order meanwhile.
     */
    private void showPreview(boolean shown) {
        previewShown = shown;
        if (shown) {
            gridAndPreview.addToPrimary(grid);
            gridAndPreview.addToSecondary(preview);
            add(gridAndPreview);
            setFlexGrow(1, gridAndPreview);
            if (reached != null) {
                preview.preview(reached.id());
            }
        } else {
            gridAndPreview.getParent().ifPresent(parent -> remove(gridAndPreview));
            add(grid);
            setFlexGrow(1, grid);
        }
        previewToggle.getElement().setAttribute("aria-pressed", Boolean.toString(shown));
    }

    /** The clerk moved to {@code row}: the preview, if shown, follows. */
    private void reach(OrderSummary row) {
        reached = row;
        if (previewShown) {
            preview.preview(row.id());
        }
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

    private void addContextMenu() {
        GridContextMenu<OrderSummary> menu = grid.addContextMenu();
        menu.setDynamicContentHandler(row -> {
            menu.removeAll();
            if (row == null) {
                return false;
            }
            rowActions(row).forEach((label, action) -> menu.addItem(label, click -> action.run()));
            return true;
        });
    }

    private OrderFilter currentFilter() {
        return new OrderFilter(search.getValue(), statusFilter.getValue());
    }

    /**
     * Reads the rows again, for the filter as it is now. Not while the database does not answer:
     * the rows shown stay, and the notice above them says why; the reload once the database is
     * back applies the filter.
     */
    private void refresh() {
        if (database.isAvailable()) {
            grid.getDataProvider().refreshAll();
        }
    }

    /**
     * A read of rows the database did not answer gives {@code meanwhile} instead of an error page:
     * the database is told to be probed at once, and the notice above the grid appears.
     */
    private <T> T answered(Supplier<T> read, Supplier<T> meanwhile) {
        try {
            return read.get();
        } catch (RuntimeException failure) {
            if (!DatabaseFailures.didNotAnswer(failure)) {
                throw failure;
            }
            log.warn("Could not read the orders for the grid: the database did not answer", failure);
            database.reportNoAnswer();
            return meanwhile.get();
        }
    }

    private void showMatchCount(int count) {
        shownCount = count;
        matchCount.setText(String.format(Locale.US, "%,d %s", count, count == 1 ? "order" : "orders"));
    }

    /** What the context menu offers for {@code row}, by label, in menu order. */
    Map<String, Runnable> rowActions(OrderSummary row) {
        Map<String, Runnable> actions = new LinkedHashMap<>();
        actions.put("Edit", () -> open(row));
        actions.put("Open read-only", () -> OrderView.navigateTo(row.id()));
        Optional<LockInfo> lock = lockOf(row);
        Optional<Reservation> reserved = locks.findReservation(ResourceId.order(row.id()));
        List<WaitingActions.Offer> offers = lock.isPresent()
                ? waiting.offeredFor(lock.get(), row.orderNumber())
                : reserved.map(reservation -> waiting.offeredFor(reservation, row.orderNumber()))
                        .orElse(List.of());
        offers.forEach(offer -> actions.put(offer.label(), offer.action()));
        return actions;
    }

    private Optional<LockInfo> lockOf(OrderSummary row) {
        return locks.find(ResourceId.order(row.id()));
    }

    /** The row's lock cell: who holds the order, or for whom it is reserved. */
    private Optional<LockColumn.Cell> lockCell(OrderSummary row) {
        Optional<LockInfo> lock = lockOf(row);
        if (lock.isPresent()) {
            LockInfo held = lock.get();
            return Optional.of(new LockColumn.Cell(
                    waiting.holderLabel(held), held.expiresAt(), held.expiryWarned() ? "expiring" : "held"));
        }
        return locks.findReservation(ResourceId.order(row.id()))
                .map(reservation ->
                        new LockColumn.Cell(waiting.reservedLabel(reservation), reservation.expiresAt(), "reserved"));
    }

    /** Opens the editor, which acquires the lock or shows the order read-only with who holds it. */
    private void open(OrderSummary row) {
        OrderEditorView.navigateTo(row.id());
    }
}
