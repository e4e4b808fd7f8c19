package org.orderdesk.order.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text of an order, as clerks type it: at most {@code max} characters, and when {@code required},
 * something readable by the rule of {@link PlainText}. One constraint with one message at a time,
 * so that the editor and the server say the same thing about the same value.
 */
@Target({ElementType.FIELD, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = OrderTextValidator.class)
public @interface OrderText {

    /** How the clerk knows the field: "Customer". */
    String label();

    int max();

    boolean required() default false;

    /** "Notes are limited", not "Notes is limited". */
    boolean plural() default false;

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
