package org.orderdesk.order;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * An order as the editor holds it while the clerk types: every value the clerk entered, kept
 * apart from the stored order so that nothing is lost when the lock is, and compared with the
 * loaded values to know whether anything is unsaved.
 */
public final class OrderDraft {

    private String customer;
    private OrderStatus status;
    private LocalDate orderDate;
    private @Nullable LocalDate requestedDeliveryDate;
    private String notes;
    private final List<LineDraft> lines;

    private OrderDraft(
            String customer,
            OrderStatus status,
            LocalDate orderDate,
            @Nullable LocalDate requestedDeliveryDate,
            String notes,
            List<LineDraft> lines) {
        this.customer = customer;
        this.status = status;
        this.orderDate = orderDate;
        this.requestedDeliveryDate = requestedDeliveryDate;
        this.notes = notes;
        this.lines = lines;
    }

    public static OrderDraft of(Order order) {
        return new OrderDraft(
                order.getCustomer(),
                order.getStatus(),
                order.getOrderDate(),
                order.getRequestedDeliveryDate(),
                order.getNotes() == null ? "" : order.getNotes(),
                order.getLines().stream().map(LineDraft::of).collect(Collectors.toCollection(ArrayList::new)));
    }

    public OrderDraft copy() {
        return new OrderDraft(
                customer,
                status,
                orderDate,
                requestedDeliveryDate,
                notes,
                lines.stream().map(LineDraft::copy).collect(Collectors.toCollection(ArrayList::new)));
    }

    public BigDecimal total() {
        return lines.stream().map(LineDraft::lineTotal).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    public LineDraft addLine() {
        LineDraft line = LineDraft.blank();
        lines.add(line);
        return line;
    }

    public void removeLine(LineDraft line) {
        lines.removeIf(candidate -> candidate == line);
    }

    /**
     * Writes the draft onto the stored order: header values, changed lines by id, new lines
     * appended, lines the clerk removed deleted.
     */
    void applyTo(Order order) {
        order.setCustomer(customer);
        order.setStatus(status);
        order.setOrderDate(orderDate);
        order.setRequestedDeliveryDate(requestedDeliveryDate);
        order.setNotes(notes);
        Map<Long, LineDraft> kept = lines.stream()
                .filter(line -> line.getId() != null)
                .collect(Collectors.toMap(line -> Objects.requireNonNull(line.getId()), Function.identity()));
        for (OrderLine stored : List.copyOf(order.getLines())) {
            LineDraft draft = kept.get(stored.getId());
            if (draft == null) {
                order.removeLine(stored);
            } else {
                stored.setProduct(draft.getProduct());
                stored.setQuantity(draft.getQuantity());
                stored.setUnitPrice(draft.getUnitPrice());
            }
        }
        lines.stream()
                .filter(line -> line.getId() == null)
                .forEach(line -> order.addLine(line.getProduct(), line.getQuantity(), line.getUnitPrice()));
    }

    public String getCustomer() {
        return customer;
    }

    public void setCustomer(String customer) {
        this.customer = customer;
    }

    public OrderStatus getStatus() {
        return status;
    }

    public void setStatus(OrderStatus status) {
        this.status = status;
    }

    public LocalDate getOrderDate() {
        return orderDate;
    }

    public void setOrderDate(LocalDate orderDate) {
        this.orderDate = orderDate;
    }

    public @Nullable LocalDate getRequestedDeliveryDate() {
        return requestedDeliveryDate;
    }

    public void setRequestedDeliveryDate(@Nullable LocalDate requestedDeliveryDate) {
        this.requestedDeliveryDate = requestedDeliveryDate;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public List<LineDraft> getLines() {
        return Collections.unmodifiableList(lines);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OrderDraft draft
                && customer.equals(draft.customer)
                && status == draft.status
                && orderDate.equals(draft.orderDate)
                && Objects.equals(requestedDeliveryDate, draft.requestedDeliveryDate)
                && notes.equals(draft.notes)
                && lines.equals(draft.lines);
    }

    @Override
    public int hashCode() {
        return Objects.hash(customer, status, orderDate, requestedDeliveryDate, notes, lines);
    }
}
