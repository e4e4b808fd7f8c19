package org.orderdesk.order.ui;

import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.VaadinSession;
import org.orderdesk.lock.LockInfo;
import org.orderdesk.lock.ReleaseRequest;
import org.orderdesk.order.OrderLockBoard;
import org.orderdesk.ui.Formats;
import org.orderdesk.ui.Notices;
import org.orderdesk.ui.ReasonDialog;

/**
 * What a clerk can do about an order someone else is editing, the same from the grid's context
 * menu and from the read-only view: be told when it is free, ask the holder to release it, and,
 * for supervisors, take it over.
 */
final class WaitingActions {

    private final OrderLockBoard board;
    private final HasComponents owner;

    WaitingActions(OrderLockBoard board, HasComponents owner) {
        this.board = board;
        this.owner = owner;
    }

    boolean isNotifying(long orderId) {
        return board.isNotifying(orderId, sessionId());
    }

    void notifyWhenFree(long orderId, String orderNumber) {
        if (board.notifyWhenFree(orderId, orderNumber, sessionId())) {
            Notices.show(
                    owner,
                    "You will be told when order " + orderNumber + " is free",
                    NotificationVariant.LUMO_CONTRAST);
        } else {
            tellFree(owner, orderId, orderNumber);
        }
    }

    /** "Order OD-000042 is free now — Edit now", until the clerk acts on it or closes it. */
    static Notification tellFree(HasComponents owner, long orderId, String orderNumber) {
        Button editNow = new Button("Edit now", click -> OrderEditorView.navigateTo(orderId));
        editNow.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        return Notices.ask(owner, "free-notice", "Order " + orderNumber + " is free now", editNow);
    }

    void stopNotifying(long orderId, String orderNumber) {
        board.stopNotifying(orderId, sessionId());
        Notices.show(
                owner,
                "You will not be told when order " + orderNumber + " is free",
                NotificationVariant.LUMO_CONTRAST);
    }

    void askToRelease(long orderId, String orderNumber) {
        String order = "order " + orderNumber;
        switch (board.askToRelease(orderId, orderNumber, sessionId())) {
            case ReleaseRequest.Sent sent ->
                Notices.show(
                        owner,
                        "Asked " + sent.holder().displayName() + " to release " + order
                                + ". You will be told when it is free.",
                        NotificationVariant.LUMO_SUCCESS);
            case ReleaseRequest.TooSoon tooSoon ->
                Notices.show(
                        owner,
                        "You already asked " + tooSoon.holder().displayName() + " about " + order + ". Ask again after "
                                + Formats.time(tooSoon.askAgainAt()) + ".",
                        NotificationVariant.LUMO_WARNING);
            case ReleaseRequest.NobodyToAsk nobody ->
                Notices.show(owner, "Nobody else is editing " + order + " now", NotificationVariant.LUMO_CONTRAST);
        }
    }

    /** Asks the supervisor why, then opens the editor, which takes the lock over. */
    void takeOver(LockInfo lock, String orderNumber) {
        long orderId = lock.resource().id();
        String holder = lock.holder().displayName();
        new ReasonDialog(
                        "Take over order " + orderNumber + "?",
                        holder + " is editing this order. " + holder
                                + " keeps the unsaved changes on screen but can no longer save them.",
                        "Take over",
                        reason -> {
                            UI ui = UI.getCurrent();
                            new TakeOverRequest(orderId, lock.token(), reason).handTo(ui);
                            OrderEditorView.navigateTo(orderId);
                        })
                .open();
    }

    static String sessionId() {
        return VaadinSession.getCurrent().getSession().getId();
    }
}
