package org.orderdesk.order.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.function.Supplier;
import org.orderdesk.order.EditStart;

/**
 * "You are editing order OD-000042 in another tab — Move editing here / Open read-only". When the
 * other editor is not in this browser's session it says "elsewhere": another browser, or a session
 * that ended still holding the lock, as one on a node that was killed and restarted does.
 */
final class OtherTabChoice extends Div {

    /** {@code moveHere} takes the lock from the other tab; when it holds, the editor shows the form. */
    OtherTabChoice(long orderId, String orderNumber, boolean inThisBrowser, Supplier<EditStart> moveHere) {
        addClassName("other-tab-choice");
        Paragraph message = new Paragraph(
                inThisBrowser
                        ? "You are editing order " + orderNumber + " in another tab"
                        : "You are editing order " + orderNumber + " elsewhere: in another browser, or in a"
                                + " session that ended without closing it (for example on a server that"
                                + " restarted)");
        Button move = new Button("Move editing here", click -> moved(orderId, moveHere.get()));
        move.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button readOnly = new Button("Open read-only", click -> OrderView.navigateTo(orderId));
        add(message, new HorizontalLayout(move, readOnly));
    }

    private static void moved(long orderId, EditStart start) {
        switch (start) {
            case EditStart.Editing started -> {}
            // The other tab's lease ran out and another clerk took the lock meanwhile.
            case EditStart.LockedByOther other -> OrderView.navigateTo(orderId);
            case EditStart.ReservedForOther reserved -> OrderView.navigateTo(orderId);
            // Still open there: this choice stays.
            case EditStart.OpenInOtherTab otherTab -> {}
            case EditStart.NotFound notFound -> UI.getCurrent().navigate(OrdersView.class);
        }
    }
}
