package org.orderdesk.order.ui;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.HasValueAndElement;

/**
 * Read-only in the browser only, for the fields of a form whose lock is lost. Flow reverts a value
 * that arrives from the browser for a field that is read-only on the server ({@link
 * HasValue#setReadOnly}); and the browser sends the last text typed into a lazy field only after
 * its timeout, which may be after the loss: that text would be lost. So the server-side field stays
 * writable, and only the web component is told, by its {@code readonly} attribute (which it turns
 * into its property). The late value goes into the draft, which cannot be saved without the lock.
 */
final class ShownReadOnly {

    private ShownReadOnly() {}

    static void set(boolean readOnly, HasValueAndElement<?, ?>... fields) {
        for (HasValueAndElement<?, ?> field : fields) {
            field.getElement().setAttribute("readonly", readOnly);
        }
    }
}
