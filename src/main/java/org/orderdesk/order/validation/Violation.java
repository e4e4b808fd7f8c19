package org.orderdesk.order.validation;

import jakarta.validation.ConstraintValidatorContext;

/** A constraint's one message, said as given: labels and limits are ours, never user input. */
final class Violation {

    private Violation() {}

    /** Replaces the default message with {@code message}; returns false, the validator's answer. */
    static boolean report(ConstraintValidatorContext context, String message) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(message.replace("{", "\\{").replace("$", "\\$"))
                .addConstraintViolation();
        return false;
    }
}
