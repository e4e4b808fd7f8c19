package org.orderdesk.order;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import org.orderdesk.order.validation.Money;
import org.orderdesk.order.validation.OrderText;
import org.orderdesk.order.validation.PlainText;

/**
 * A customer order with its lines. The total is kept as a column (the sum of the lines) so that
 * the grid can sort and page on it without reading any line.
 */
@Entity
@Table(name = "orders")
public class Order {

    public static final int CUSTOMER_MAX_LENGTH = 200;
    public static final int NOTES_MAX_LENGTH = 2000;

    /** The largest total the {@code total} column (14 digits, 2 of them decimals) holds. */
    public static final BigDecimal TOTAL_MAX = new BigDecimal(Order.TOTAL_MAX_TEXT);

    static final String TOTAL_MAX_TEXT = "999999999999.99";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "orders_seq")
    @SequenceGenerator(name = "orders_seq", sequenceName = "orders_seq", allocationSize = 50)
    private @Nullable Long id;

    @NotBlank
    @Size(max = 20)
    @Pattern(regexp = "[A-Z]{2,4}-\\d{6,10}", message = "must look like OD-000042")
    @Column(name = "order_number", nullable = false, unique = true, length = 20)
    private String orderNumber;

    @OrderText(label = "Customer", max = CUSTOMER_MAX_LENGTH, required = true)
    @Column(nullable = false, length = CUSTOMER_MAX_LENGTH)
    private String customer;

    @NotNull
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    private OrderStatus status = OrderStatus.NEW;

    @NotNull(message = "Order date is required")
    @Column(name = "order_date", nullable = false)
    private LocalDate orderDate;

    @Column(name = "requested_delivery_date")
    private @Nullable LocalDate requestedDeliveryDate;

    @OrderText(label = "Notes", max = NOTES_MAX_LENGTH, plural = true)
    @Column(length = NOTES_MAX_LENGTH)
    private @Nullable String notes;

    @Money(label = "Total", max = TOTAL_MAX_TEXT)
    @Column(nullable = false, precision = 14, scale = 2)
    private BigDecimal total = BigDecimal.ZERO.setScale(2);

    @Column(name = "last_changed_by", length = 100)
    private @Nullable String lastChangedBy;

    @Column(name = "last_changed_at")
    private @Nullable Instant lastChangedAt;

    @Version
    @Column(nullable = false)
    private long version;

    @Valid
    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("lineNo")
    private List<OrderLine> lines = new ArrayList<>();

    protected Order() {
        this.orderNumber = "";
        this.customer = "";
        this.orderDate = LocalDate.EPOCH;
    }

    public Order(String orderNumber, String customer, LocalDate orderDate) {
        this.orderNumber = orderNumber;
        this.customer = PlainText.clean(customer);
        this.orderDate = orderDate;
    }

    public OrderLine addLine(String product, int quantity, BigDecimal unitPrice) {
        OrderLine line = new OrderLine(this, lines.size() + 1, product, quantity, unitPrice);
        lines.add(line);
        recalculateTotal();
        return line;
    }

    public void removeLine(OrderLine line) {
        if (lines.remove(line)) {
            for (int i = 0; i < lines.size(); i++) {
                lines.get(i).setLineNo(i + 1);
            }
            recalculateTotal();
        }
    }

    /** Called by the lines whenever a quantity or price changes, so the total never goes stale. */
    void recalculateTotal() {
        total = lines.stream().map(OrderLine::getLineTotal).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /** Records who changed the order last; the grid and later conflict messages show it. */
    public void markChanged(String byDisplayName, Instant at) {
        this.lastChangedBy = byDisplayName;
        this.lastChangedAt = at;
    }

    @AssertTrue(message = "Requested delivery date cannot be before the order date")
    boolean isDeliveryNotBeforeOrderDate() {
        return requestedDeliveryDate == null || !requestedDeliveryDate.isBefore(orderDate);
    }

    public @Nullable Long getId() {
        return id;
    }

    public String getOrderNumber() {
        return orderNumber;
    }

    public String getCustomer() {
        return customer;
    }

    /** Stored {@linkplain PlainText#clean clean}: no direction controls, nothing blank at the ends. */
    public void setCustomer(String customer) {
        this.customer = PlainText.clean(customer);
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

    public @Nullable String getNotes() {
        return notes;
    }

    /** Stored {@linkplain PlainText#clean clean}; notes with nothing readable are no notes. */
    public void setNotes(@Nullable String notes) {
        String cleaned = notes == null ? "" : PlainText.clean(notes);
        this.notes = cleaned.isEmpty() ? null : cleaned;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public @Nullable String getLastChangedBy() {
        return lastChangedBy;
    }

    public @Nullable Instant getLastChangedAt() {
        return lastChangedAt;
    }

    public long getVersion() {
        return version;
    }

    public List<OrderLine> getLines() {
        return Collections.unmodifiableList(lines);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || (other instanceof Order order && id != null && id.equals(order.id));
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }

    @Override
    public String toString() {
        return "Order " + orderNumber + " (id " + id + ", version " + version + ")";
    }
}
