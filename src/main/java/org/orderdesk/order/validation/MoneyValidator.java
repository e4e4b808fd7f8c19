package org.orderdesk.order.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** Checks {@link Money}. */
public class MoneyValidator implements ConstraintValidator<Money, BigDecimal> {

    private String label = "";
    private BigDecimal max = BigDecimal.ZERO;

    @Override
    public void initialize(Money rule) {
        this.label = rule.label();
        this.max = new BigDecimal(rule.max());
    }

    @Override
    public boolean isValid(@Nullable BigDecimal value, ConstraintValidatorContext context) {
        if (value == null) {
            return Violation.report(context, label + " is required");
        }
        if (value.signum() < 0) {
            return Violation.report(context, label + " cannot be negative");
        }
        if (value.stripTrailingZeros().scale() > 2) {
            return Violation.report(context, label + " has at most two decimals");
        }
        if (value.compareTo(max) > 0) {
            return Violation.report(context, label + " is too large");
        }
        return true;
    }
}
