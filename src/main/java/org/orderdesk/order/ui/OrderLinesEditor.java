package org.orderdesk.order.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.BeanValidator;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.orderdesk.order.LineDraft;
import org.orderdesk.order.OrderDraft;
import org.orderdesk.order.OrderLine;
import org.orderdesk.order.validation.Cents;
import org.orderdesk.ui.Formats;

/** The order's lines as editable rows: product, quantity, unit price, line total; add and remove. */
final class OrderLinesEditor extends Div {

    private final Div rows = new Div();
    private final Button add = new Button("Add line", VaadinIcon.PLUS.create(), click -> addLine());
    private final List<LineRow> lineRows = new ArrayList<>();
    private final Runnable onChange;
    private OrderDraft draft;

    OrderLinesEditor(OrderDraft draft, Runnable onChange) {
        this.draft = draft;
        this.onChange = onChange;
        addClassName("order-lines-editor");
        rows.addClassName("order-line-rows");
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(rows, add);
        edit(draft);
    }

    void edit(OrderDraft newDraft) {
        draft = newDraft;
        lineRows.clear();
        rows.removeAll();
        rows.add(header());
        newDraft.getLines().forEach(this::addRow);
    }

    boolean validate() {
        return lineRows.stream().map(row -> row.binder.validate().isOk()).reduce(true, Boolean::logicalAnd);
    }

    boolean isValid() {
        return lineRows.stream().allMatch(row -> row.binder.isValid());
    }

    void setReadOnly(boolean readOnly) {
        lineRows.forEach(row -> row.setReadOnly(readOnly));
        add.setVisible(!readOnly);
    }

    Optional<LineRow> row(int index) {
        return index < lineRows.size() ? Optional.of(lineRows.get(index)) : Optional.empty();
    }

    private static Div header() {
        Div header = new Div(
                new Span("#"), new Span("Product"), new Span("Quantity"), new Span("Unit price"), new Span("Total"));
        header.addClassNames("order-line", "order-line-header");
        return header;
    }

    private void addLine() {
        LineRow row = addRow(draft.addLine());
        row.product.focus();
        onChange.run();
    }

    private LineRow addRow(LineDraft line) {
        LineRow row = new LineRow(line);
        lineRows.add(row);
        rows.add(row);
        renumber();
        return row;
    }

    private void removeRow(LineRow row) {
        draft.removeLine(row.line);
        lineRows.remove(row);
        rows.remove(row);
        renumber();
        onChange.run();
    }

    private void renumber() {
        for (int i = 0; i < lineRows.size(); i++) {
            lineRows.get(i).number(i + 1);
        }
    }

    /** One line: its fields validate on their own binder and write straight into the draft. */
    final class LineRow extends Div {

        private final TextField product = new TextField();
        private final IntegerField quantity = new IntegerField();
        private final BigDecimalField unitPrice = new BigDecimalField();
        private final Span lineTotal = new Span();
        private final Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), click -> removeRow(this));
        private final Span number = new Span();
        private final Binder<LineDraft> binder = new Binder<>();
        private final LineDraft line;

        LineRow(LineDraft line) {
            this.line = line;
            addClassName("order-line");
            lineTotal.addClassName("line-total");
            product.setValueChangeMode(ValueChangeMode.LAZY);
            product.setMaxLength(OrderLine.PRODUCT_MAX_LENGTH);
            quantity.setStepButtonsVisible(true);
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            // The rules are the order line's own constraints: what the form accepts, the server saves.
            OrderRules.text(binder.forField(product), OrderLine.class, "product")
                    .bind(LineDraft::getProduct, LineDraft::setProduct);
            binder.forField(quantity)
                    .asRequired("Quantity is required")
                    .withValidator(new BeanValidator(OrderLine.class, "quantity"))
                    .bind(LineDraft::getQuantity, LineDraft::setQuantity);
            binder.forField(unitPrice)
                    .asRequired("Unit price is required")
                    .withConverter(Cents::normalise, price -> price)
                    .withValidator(new BeanValidator(OrderLine.class, "unitPrice"))
                    .bind(LineDraft::getUnitPrice, LineDraft::setUnitPrice);
            binder.setBean(line);
            binder.addValueChangeListener(change -> {
                showTotal();
                onChange.run();
            });
            showTotal();
            add(number, product, quantity, unitPrice, lineTotal, remove);
        }

        private void number(int lineNo) {
            number.setText(Integer.toString(lineNo));
            product.setAriaLabel("Product, line " + lineNo);
            quantity.setAriaLabel("Quantity, line " + lineNo);
            unitPrice.setAriaLabel("Unit price, line " + lineNo);
            remove.setAriaLabel("Remove line " + lineNo);
        }

        private void showTotal() {
            lineTotal.setText(Formats.money(line.lineTotal()));
        }

        /** The field that shows {@code property} of the line, for a value the server refused. */
        Optional<HasValidation> field(String property) {
            return switch (property) {
                case "product" -> Optional.of(product);
                case "quantity" -> Optional.of(quantity);
                case "unitPrice" -> Optional.of(unitPrice);
                default -> Optional.empty();
            };
        }

        private void setReadOnly(boolean readOnly) {
            ShownReadOnly.set(readOnly, product, quantity, unitPrice);
            remove.setVisible(!readOnly);
        }
    }
}
