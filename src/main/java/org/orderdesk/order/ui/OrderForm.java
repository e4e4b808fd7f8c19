package org.orderdesk.order.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.BeanValidator;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.orderdesk.order.InvalidOrderException;
import org.orderdesk.order.Order;
import org.orderdesk.order.OrderDraft;
import org.orderdesk.order.OrderStatus;
import org.orderdesk.order.validation.PlainText;
import org.orderdesk.ui.Formats;

/**
 * The editable order: customer, status, dates, notes and lines, validated field by field. Valid
 * values go straight into the {@link OrderDraft}; the fields keep whatever the clerk typed, valid
 * or not, also when the form turns read-only.
 */
final class OrderForm extends Div {

    private final TextField customer = new TextField("Customer");
    private final Select<OrderStatus> status = new Select<>();
    private final DatePicker orderDate = new DatePicker("Order date");
    private final DatePicker deliveryDate = new DatePicker("Requested delivery");
    private final TextArea notes = new TextArea("Notes");
    private final Span total = new Span();
    private final Binder<OrderDraft> binder = new Binder<>();
    private final OrderLinesEditor lines;
    private final Runnable onChange;
    private OrderDraft draft;

    OrderForm(OrderDraft draft, Runnable onChange) {
        this.draft = draft;
        this.onChange = onChange;
        addClassName("order-form");
        this.lines = new OrderLinesEditor(draft, this::changed);
        configureFields();
        bind();

        FormLayout header = new FormLayout();
        header.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 4));
        header.add(customer, 2);
        header.add(status, orderDate, deliveryDate);
        header.add(notes, 4);
        total.addClassName("order-total");
        add(header, new H3("Lines"), lines, total);
        edit(draft);
    }

    /** Shows {@code newDraft} and edits it from now on. */
    void edit(OrderDraft newDraft) {
        draft = newDraft;
        binder.setBean(newDraft);
        lines.edit(newDraft);
        showTotal();
    }

    OrderDraft draft() {
        return draft;
    }

    /** Validates every field and line, marking the invalid ones; true when all are valid. */
    boolean validate() {
        boolean headerValid = binder.validate().isOk();
        boolean linesValid = lines.validate();
        return headerValid && linesValid && totalFits();
    }

    /** True while some field holds a value that did not make it into the draft. */
    boolean hasInvalidInput() {
        return !binder.isValid() || !lines.isValid();
    }

    /** Marks the values the server refused on their fields, as if the form had found them. */
    void markInvalid(List<InvalidOrderException.InvalidValue> refused) {
        for (InvalidOrderException.InvalidValue value : refused) {
            Optional<HasValidation> field = value.line() == null
                    ? field(value.property())
                    : lines.row(value.line()).flatMap(row -> row.field(value.property()));
            field.ifPresentOrElse(
                    shown -> {
                        shown.setErrorMessage(value.message());
                        shown.setInvalid(true);
                    },
                    () -> {
                        total.setText(value.describe());
                        total.addClassName("invalid");
                    });
        }
    }

    private Optional<HasValidation> field(String property) {
        return switch (property) {
            case "customer" -> Optional.of(customer);
            case "status" -> Optional.of(status);
            case "orderDate" -> Optional.of(orderDate);
            case "requestedDeliveryDate", "deliveryNotBeforeOrderDate" -> Optional.of(deliveryDate);
            case "notes" -> Optional.of(notes);
            default -> Optional.empty();
        };
    }

    /** Read-only for the clerk while the lock is lost; values still arriving from the browser are kept. */
    void setReadOnly(boolean readOnly) {
        ShownReadOnly.set(readOnly, customer, status, orderDate, deliveryDate, notes);
        lines.setReadOnly(readOnly);
    }

    private void configureFields() {
        customer.setValueChangeMode(ValueChangeMode.LAZY);
        customer.setMaxLength(Order.CUSTOMER_MAX_LENGTH);
        status.setLabel("Status");
        status.setItems(OrderStatus.values());
        status.setItemLabelGenerator(OrderStatus::label);
        notes.setValueChangeMode(ValueChangeMode.LAZY);
        notes.setMaxLength(Order.NOTES_MAX_LENGTH);
        DatePicker.DatePickerI18n iso = new DatePicker.DatePickerI18n().setDateFormat("yyyy-MM-dd");
        orderDate.setI18n(iso);
        deliveryDate.setI18n(iso);
        deliveryDate.setClearButtonVisible(true);
    }

    private void bind() {
        // The rules are the order's own constraints: what the form accepts, the server saves.
        OrderRules.text(binder.forField(customer), Order.class, "customer")
                .bind(OrderDraft::getCustomer, OrderDraft::setCustomer);
        binder.forField(status).asRequired("Status is required").bind(OrderDraft::getStatus, OrderDraft::setStatus);
        binder.forField(orderDate)
                .asRequired("Order date is required")
                .bind(OrderDraft::getOrderDate, OrderDraft::setOrderDate);
        Binder.Binding<OrderDraft, LocalDate> delivery = binder.forField(deliveryDate)
                .withValidator(
                        date -> date == null || orderDate.getValue() == null || !date.isBefore(orderDate.getValue()),
                        "Requested delivery cannot be before the order date")
                .bind(OrderDraft::getRequestedDeliveryDate, OrderDraft::setRequestedDeliveryDate);
        orderDate.addValueChangeListener(change -> delivery.validate());
        binder.forField(notes)
                .withConverter(PlainText::clean, text -> text)
                .withValidator(new BeanValidator(Order.class, "notes"))
                .bind(OrderDraft::getNotes, OrderDraft::setNotes);
        binder.addValueChangeListener(change -> changed());
    }

    private void changed() {
        showTotal();
        onChange.run();
    }

    private void showTotal() {
        total.setText("Total " + Formats.money(draft.total()));
        total.removeClassName("invalid");
    }

    /** Lines that are valid one by one can still add up to more than an order can store. */
    private boolean totalFits() {
        if (draft.total().compareTo(Order.TOTAL_MAX) <= 0) {
            return true;
        }
        total.setText("Total " + Formats.money(draft.total()) + " is more than an order can hold ("
                + Formats.money(Order.TOTAL_MAX) + ")");
        total.addClassName("invalid");
        return false;
    }
}
