package org.orderdesk.lock.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.orderdesk.lock.AuditFilter;
import org.orderdesk.lock.LockAction;
import org.orderdesk.lock.LockAdministration;
import org.orderdesk.lock.LockAdministration.AuditLine;
import org.orderdesk.lock.LockAuditEntry;
import org.orderdesk.lock.LockUser;
import org.orderdesk.lock.ResourceId;
import org.orderdesk.ui.Formats;
import org.springframework.data.domain.Pageable;

/**
 * The lock audit trail, newest first, loaded page by page as the supervisor scrolls; narrowed to
 * one order (typed as "OD-000042" or "42") and/or one user, as holder or as actor.
 */
final class AuditTrail extends VerticalLayout {

    private final LockAdministration administration;
    private final TextField orderFilter = new TextField();
    private final ComboBox<LockUser> userFilter = new ComboBox<>();
    private final Span count = new Span();
    private final Grid<AuditLine> grid = new Grid<>();
    /** What the trail shows; null while the order typed names no order, so that nothing matches. */
    private @Nullable AuditFilter filter = AuditFilter.ALL;

    AuditTrail(LockAdministration administration) {
        this.administration = administration;
        addClassName("audit-trail");
        setPadding(false);
        configureFilters();
        configureGrid();

        HorizontalLayout toolbar = new HorizontalLayout(new H3("Audit trail"), orderFilter, userFilter, count);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.addClassName("audit-toolbar");
        add(toolbar, grid);
        setFlexGrow(1, grid);
    }

    /** Shows entries written since the last look, keeping the filters. */
    void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private void configureFilters() {
        orderFilter.setPlaceholder("Order, e.g. OD-000042");
        orderFilter.setAriaLabel("Order");
        orderFilter.setPrefixComponent(VaadinIcon.SEARCH.create());
        orderFilter.setClearButtonVisible(true);
        // The view decides validity: the field itself knows no order numbers.
        orderFilter.setManualValidation(true);
        orderFilter.addValueChangeListener(change -> applyFilters());

        userFilter.setItems(administration.people());
        userFilter.setItemLabelGenerator(user -> user.displayName() + " (" + user.username() + ")");
        userFilter.setPlaceholder("Any user");
        userFilter.setAriaLabel("User");
        userFilter.setClearButtonVisible(true);
        userFilter.addValueChangeListener(change -> applyFilters());

        count.addClassName("audit-count");
    }

    private void configureGrid() {
        grid.addClassName("audit-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText("No lock activity to show");
        grid.addColumn(line -> Formats.timestamp(line.entry().at()))
                .setHeader("When")
                .setKey("when")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(AuditLine::resourceName)
                .setHeader("Order")
                .setKey("order")
                .setAutoWidth(true);
        grid.addColumn(line -> label(line.entry().action()))
                .setHeader("Action")
                .setKey("action")
                .setAutoWidth(true);
        grid.addColumn(line -> line.entry().holder().displayName())
                .setHeader("Holder")
                .setKey("holder")
                .setAutoWidth(true);
        grid.addColumn(line -> actor(line.entry())).setHeader("By").setKey("by").setAutoWidth(true);
        grid.addColumn(line -> Optional.ofNullable(line.entry().reason()).orElse(""))
                .setHeader("Reason")
                .setKey("reason")
                .setFlexGrow(1);
        grid.addColumn(line -> renewals(line.entry()))
                .setHeader("Renewals")
                .setKey("renewals")
                .setAutoWidth(true)
                .setFlexGrow(0);

        grid.setItemsPageable(this::fetch, page -> countEntries());
        // The grid counts the entries anyway; show its count instead of asking the database again.
        grid.getLazyDataView().addItemCountChangeListener(change -> showCount(change.getItemCount()));
    }

    private List<AuditLine> fetch(Pageable page) {
        AuditFilter current = filter;
        return current == null ? List.of() : administration.auditTrail(current, page);
    }

    private long countEntries() {
        AuditFilter current = filter;
        return current == null ? 0 : administration.countAuditTrail(current);
    }

    private void applyFilters() {
        LockUser user = userFilter.getValue();
        String username = user == null ? null : user.username();
        String typed = orderFilter.getValue().strip();
        Optional<ResourceId> order = typed.isEmpty() ? Optional.empty() : administration.findResource(typed);
        boolean unknownOrder = !typed.isEmpty() && order.isEmpty();
        orderFilter.setErrorMessage(unknownOrder ? "No order " + typed + " found" : null);
        orderFilter.setInvalid(unknownOrder);
        filter = unknownOrder ? null : new AuditFilter(order.orElse(null), username);
        refresh();
    }

    private void showCount(int entries) {
        count.setText(String.format(Locale.US, "%,d %s", entries, entries == 1 ? "entry" : "entries"));
    }

    private static String label(LockAction action) {
        return switch (action) {
            case ACQUIRED -> "Acquired";
            case RELEASED -> "Released";
            case EXPIRED -> "Expired";
            case TAKEN_OVER -> "Taken over";
            case BROKEN -> "Broken";
            case RELEASE_REQUESTED -> "Release requested";
            case RELEASE_DEFERRED -> "More time asked";
            case RELEASE_DECLINED -> "Release declined";
            case RESERVED -> "Reserved";
            case RESERVATION_DECLINED -> "Reservation declined";
            case RESERVATION_LAPSED -> "Reservation lapsed";
            case RESERVATION_VOIDED -> "Reservation voided";
        };
    }

    /**
     * On a hold's "Acquired" row, how often the hold was renewed and when last: "3, last
     * 10:35:12". Renewals have no rows of their own, so that the trail does not grow twice a
     * minute per editor.
     */
    private static String renewals(LockAuditEntry entry) {
        Instant last = entry.lastRenewedAt();
        return last == null ? "" : entry.renewals() + ", last " + Formats.time(last);
    }

    /** Who did it: the holder, another user, or the system when the sweeper let a lease expire. */
    private static String actor(LockAuditEntry entry) {
        LockUser actor = entry.actor();
        return actor == null ? "system" : actor.displayName();
    }
}
