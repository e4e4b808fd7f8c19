package org.orderdesk.order.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import java.util.Optional;

/**
 * A supervisor's "take over" on its way from the grid or the read-only view to the editor, which
 * takes the lock in {@code beforeEnter} under its own holder key: from the hold of {@code token},
 * the one the supervisor saw. Kept with the UI (one tab), and used at most once.
 */
record TakeOverRequest(long orderId, long token, String reason) {

    void handTo(UI ui) {
        ComponentUtil.setData(ui, TakeOverRequest.class, this);
    }

    /** The request for {@code orderId} made in this tab, if any; taken, so it cannot be used twice. */
    static Optional<TakeOverRequest> takeFrom(UI ui, long orderId) {
        TakeOverRequest pending = ComponentUtil.getData(ui, TakeOverRequest.class);
        ComponentUtil.setData(ui, TakeOverRequest.class, null);
        return Optional.ofNullable(pending).filter(request -> request.orderId() == orderId);
    }
}
