package org.orderdesk.order.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.avatar.AvatarGroup;
import com.vaadin.flow.component.avatar.AvatarGroup.AvatarGroupItem;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.orderdesk.event.Subscription;
import org.orderdesk.lock.LockUser;
import org.orderdesk.order.OrderLockBoard;
import org.orderdesk.order.OrderPresence.PresenceChanged;
import org.orderdesk.ui.LiveUpdates;

/**
 * Avatars of the other clerks looking at the same order right now, in its read-only view or its
 * editor, kept current by push. Counts the signed-in clerk as looking while attached, except in the
 * grid's preview ({@link #notCountingMe}): a clerk scanning rows is not looking at each of them.
 */
final class OrderViewers extends Composite<AvatarGroup> {

    private final OrderLockBoard board;
    private final long orderId;
    private final String myUsername;
    private final boolean countingMe;
    private @Nullable Subscription visit;

    OrderViewers(OrderLockBoard board, LiveUpdates live, long orderId, String myUsername) {
        this(board, live, orderId, myUsername, true);
    }

    /** Shows who looks at the order without counting the signed-in clerk among them. */
    static OrderViewers notCountingMe(OrderLockBoard board, LiveUpdates live, long orderId, String myUsername) {
        return new OrderViewers(board, live, orderId, myUsername, false);
    }

    private OrderViewers(OrderLockBoard board, LiveUpdates live, long orderId, String myUsername, boolean countingMe) {
        this.countingMe = countingMe;
        this.board = board;
        this.orderId = orderId;
        this.myUsername = myUsername;
        getContent().addClassName("order-viewers");
        getContent().setMaxItemsVisible(5);
        live.whileAttached(
                this,
                PresenceChanged.class,
                change -> change.orderId() == orderId,
                change -> "viewers",
                change -> show());
        // After the subscription: a clerk arriving meanwhile is shown either way.
        addAttachListener(attach -> {
            if (countingMe) {
                visit = board.lookAt(orderId);
            }
            show();
        });
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (visit != null) {
            visit.cancel();
            visit = null;
        }
    }

    private void show() {
        List<AvatarGroupItem> others = board.viewersOf(orderId).stream()
                .filter(viewer -> !viewer.username().equals(myUsername))
                .map(LockUser::displayName)
                .map(AvatarGroupItem::new)
                .toList();
        getContent().setItems(others);
        getContent().setVisible(!others.isEmpty());
        getContent().getElement().setAttribute("title", others.isEmpty() ? "" : "Also looking at this order");
    }
}
