package org.orderdesk.order.ui;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.orderdesk.order.Order;
import org.orderdesk.order.OrderLine;
import org.orderdesk.ui.Formats;

/** An order's values and lines, read-only. */
final class OrderDetails extends Div {

    OrderDetails() {
        addClassName("order-content");
        setWidthFull();
    }

    /** Shows {@code shown} instead of what was shown. */
    void show(Order shown) {
        removeAll();
        add(details(shown), new H3("Lines"), lines(shown));
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
