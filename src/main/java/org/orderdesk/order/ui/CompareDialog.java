package org.orderdesk.order.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;

/** "Compare with saved": the clerk's values beside the stored order's, differences marked. */
final class CompareDialog extends Dialog {

    private final Grid<OrderComparison.Row> rows = new Grid<>();

    /** @param withInvalidInput some field holds a value that did not make it into the draft */
    CompareDialog(String orderName, List<OrderComparison.Row> comparison, boolean withInvalidInput) {
        addClassName("compare-dialog");
        setHeaderTitle("Your changes and the saved " + orderName);
        setWidth("min(60rem, 95vw)");
        rows.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        rows.setAllRowsVisible(true);
        rows.addColumn(OrderComparison.Row::field)
                .setHeader("Field")
                .setAutoWidth(true)
                .setFlexGrow(0);
        rows.addColumn(OrderComparison.Row::mine).setHeader("Mine (unsaved)").setFlexGrow(1);
        rows.addColumn(OrderComparison.Row::saved).setHeader("Saved").setFlexGrow(1);
        rows.addColumn(row -> row.differs() ? "differs" : "")
                .setHeader("")
                .setAutoWidth(true)
                .setFlexGrow(0);
        rows.addClassName("compare-dialog-rows");
        rows.setPartNameGenerator(row -> row.differs() ? "differs" : null);
        rows.setItems(comparison);
        add(rows);
        if (withInvalidInput) {
            // The form keeps invalid input in its fields, but only valid values reach the draft.
            add(new Paragraph("Fields marked as invalid in the form are compared with their last valid value."));
        }
        getFooter().add(new Button("Close", click -> close()));
    }
}
