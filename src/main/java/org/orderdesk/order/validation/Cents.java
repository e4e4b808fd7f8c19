package org.orderdesk.order.validation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts as the database stores them: two decimals. */
public final class Cents {

    private Cents() {}

    /** 12.500 becomes 12.50 and 12.5 becomes 12.50; more decimals than two stay, for {@link Money} to refuse. */
    public static BigDecimal normalise(BigDecimal amount) {
        BigDecimal exact = amount.stripTrailingZeros();
        return exact.scale() <= 2 ? exact.setScale(2, RoundingMode.UNNECESSARY) : amount;
    }
}
