package org.orderdesk.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.orderdesk.order.validation.Cents;
import org.orderdesk.order.validation.Money;
import org.orderdesk.order.validation.OrderText;
import org.orderdesk.order.validation.PlainText;

/** One product on an order: quantity above zero, unit price zero or more with two decimals. */
@Entity
@Table(name = "order_lines")
public class OrderLine {

    public static final int PRODUCT_MAX_LENGTH = 200;
    public static final int MAX_QUANTITY = 1_000_000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "order_lines_seq")
    @SequenceGenerator(name = "order_lines_seq", sequenceName = "order_lines_seq", allocationSize = 50)
    private @Nullable Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id", nullable = false)
    private Order order;

    @Column(name = "line_no", nullable = false)
    private int lineNo;

    @OrderText(label = "Product", max = PRODUCT_MAX_LENGTH, required = true)
    @Column(nullable = false, length = PRODUCT_MAX_LENGTH)
    private String product;

    @Min(value = 1, message = "Quantity must be at least 1")
    @Max(value = MAX_QUANTITY, message = "Quantity is limited to 1,000,000")
    @Column(nullable = false)
    private int quantity;

    @Money(label = "Unit price", max = "9999999999.99")
    @Column(name = "unit_price", nullable = false, precision = 12, scale = 2)
    private BigDecimal unitPrice;

    protected OrderLine() {
        this.order = new Order();
        this.product = "";
        this.unitPrice = BigDecimal.ZERO;
    }

    OrderLine(Order order, int lineNo, String product, int quantity, BigDecimal unitPrice) {
        this.order = order;
        this.lineNo = lineNo;
        this.product = PlainText.clean(product);
        this.quantity = quantity;
        this.unitPrice = Cents.normalise(unitPrice);
    }

    public BigDecimal getLineTotal() {
        return totalOf(quantity, unitPrice);
    }

    /** Quantity times unit price, to the cent: the rule for stored lines and the editor's alike. */
    static BigDecimal totalOf(int quantity, BigDecimal unitPrice) {
        return unitPrice.multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.HALF_UP);
    }

    public @Nullable Long getId() {
        return id;
    }

    public int getLineNo() {
        return lineNo;
    }

    void setLineNo(int lineNo) {
        this.lineNo = lineNo;
    }

    public String getProduct() {
        return product;
    }

    public void setProduct(String product) {
        this.product = PlainText.clean(product);
    }

    public int getQuantity() {
        return quantity;
    }

    public void setQuantity(int quantity) {
        this.quantity = quantity;
        order.recalculateTotal();
    }

    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    public void setUnitPrice(BigDecimal unitPrice) {
        this.unitPrice = Cents.normalise(unitPrice);
        order.recalculateTotal();
    }

    @Override
    public boolean equals(Object other) {
        return this == other || (other instanceof OrderLine line && id != null && id.equals(line.id));
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
