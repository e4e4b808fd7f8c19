package org.orderdesk.order.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An amount of money: required, not negative, at most two decimals once trailing zeros are
 * dropped (12.500 is 12.50), and at most {@code max}. One constraint with one message at a time.
 */
@Target({ElementType.FIELD, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = MoneyValidator.class)
public @interface Money {

    /** How the clerk knows the field: "Unit price". */
    String label();

    /** The largest amount the column holds. */
    String max();

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
