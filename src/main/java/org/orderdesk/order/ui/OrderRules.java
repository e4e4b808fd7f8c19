package org.orderdesk.order.ui;

import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.BeanValidator;
import org.orderdesk.order.validation.PlainText;

/** Binds the editor's fields to the rules the entities declare, so that both sides apply one definition. */
final class OrderRules {

    private OrderRules() {}

    /**
     * A required text: cleaned as the server stores it (no direction controls, nothing blank at the
     * ends), then checked by {@code property}'s constraint on {@code entity}.
     */
    static <T> Binder.BindingBuilder<T, String> text(
            Binder.BindingBuilder<T, String> field, Class<?> entity, String property) {
        BeanValidator rule = new BeanValidator(entity, property);
        return field.withConverter(PlainText::clean, text -> text).asRequired(rule::apply);
    }
}
