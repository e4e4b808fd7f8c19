package org.orderdesk.order.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/** Checks {@link OrderText}: required first, then the length. */
public class OrderTextValidator implements ConstraintValidator<OrderText, String> {

    private String label = "";
    private int max;
    private boolean required;
    private String verb = "is";

    @Override
    public void initialize(OrderText rule) {
        this.label = rule.label();
        this.max = rule.max();
        this.required = rule.required();
        this.verb = rule.plural() ? "are" : "is";
    }

    @Override
    public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
        if (value == null || PlainText.isBlank(value)) {
            return !required || Violation.report(context, label + " " + verb + " required");
        }
        if (value.length() > max) {
            return Violation.report(context, label + " " + verb + " limited to " + max + " characters");
        }
        return true;
    }
}
