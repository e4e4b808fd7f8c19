package org.orderdesk.order.ui;

import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.StringLengthValidator;

/** A text the order needs: not empty, not only spaces (the database would refuse it), and not too long. */
final class RequiredText {

    private RequiredText() {}

    static <T> Binder.BindingBuilder<T, String> of(
            Binder.BindingBuilder<T, String> field, String label, int maxLength) {
        String required = label + " is required";
        return field.asRequired(required)
                .withValidator(value -> !value.isBlank(), required)
                .withValidator(
                        new StringLengthValidator(label + " is limited to " + maxLength + " characters", 0, maxLength));
    }
}
