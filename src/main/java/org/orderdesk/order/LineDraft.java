package org.orderdesk.order;

import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One order line as the editor holds it while the clerk types; {@code id} is null for a new line. */
public final class LineDraft {

    private final @Nullable Long id;
    private String product;
    private int quantity;
    private BigDecimal unitPrice;

    public LineDraft(@Nullable Long id, String product, int quantity, BigDecimal unitPrice) {
        this.id = id;
        this.product = product;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
    }

    /** A new, empty line: one piece at no price yet. */
    public static LineDraft blank() {
        return new LineDraft(null, "", 1, BigDecimal.ZERO.setScale(2));
    }

    static LineDraft of(OrderLine line) {
        return new LineDraft(line.getId(), line.getProduct(), line.getQuantity(), line.getUnitPrice());
    }

    LineDraft copy() {
        return new LineDraft(id, product, quantity, unitPrice);
    }

    public BigDecimal lineTotal() {
        return OrderLine.totalOf(quantity, unitPrice);
    }

    public @Nullable Long getId() {
        return id;
    }

    public String getProduct() {
        return product;
    }

    public void setProduct(String product) {
        this.product = product;
    }

    public int getQuantity() {
        return quantity;
    }

    public void setQuantity(int quantity) {
        this.quantity = quantity;
    }

    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    public void setUnitPrice(BigDecimal unitPrice) {
        this.unitPrice = unitPrice;
    }

    /** Same line with the same values; prices compare by amount, so 4.5 equals 4.50. */
    @Override
    public boolean equals(Object other) {
        return other instanceof LineDraft line
                && Objects.equals(id, line.id)
                && product.equals(line.product)
                && quantity == line.quantity
                && unitPrice.compareTo(line.unitPrice) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, product, quantity, unitPrice.stripTrailingZeros());
    }
}
