package org.orderdesk.order.ui;

import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.VaadinSession;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.orderdesk.lock.LockInfo;
import org.orderdesk.lock.LockTakeOvers;
import org.orderdesk.lock.ReleaseRequest;
import org.orderdesk.order.OrderLockBoard;
import org.orderdesk.ui.Formats;
import org.orderdesk.ui.Notices;
import org.orderdesk.ui.ReasonDialog;

/**
 * What a clerk can do about an order someone else is editing, the same from the grid's context
 * menu and from the read-only view: be told when it is free, ask the holder to release it, and,
 * for supervisors, take it over. {@link #offeredFor} decides which of them a clerk is offered.
 */
final class WaitingActions {

    /** One thing to do about a lock; {@code icon} is null where the label says enough. */
    record Offer(String label, @Nullable VaadinIcon icon, boolean drastic, Runnable action) {}

    private final OrderLockBoard board;
    private final HasComponents owner;
    private final String myUsername;
    private final boolean supervisor;

    WaitingActions(OrderLockBoard board, HasComponents owner, String myUsername, boolean supervisor) {
        this.board = board;
        this.owner = owner;
        this.myUsername = myUsername;
        this.supervisor = supervisor;
    }

    /** What this clerk may do about {@code lock} on the order, in the order offered; nothing about their own lock. */
    List<Offer> offeredFor(LockInfo lock, String orderNumber) {
        List<Offer> offers = new ArrayList<>();
        if (isMine(lock)) {
            return offers;
        }
        long id = lock.resource().id();
        if (isNotifying(id)) {
            offers.add(
                    new Offer("Stop notifying me", VaadinIcon.BELL_SLASH, false, () -> stopNotifying(id, orderNumber)));
        } else {
            offers.add(new Offer("Notify me when free", VaadinIcon.BELL, false, () -> notifyWhenFree(id, orderNumber)));
        }
        offers.add(new Offer(
                "Ask " + lock.holder().displayName() + " to release",
                null,
                false,
                () -> askToRelease(id, orderNumber)));
        if (supervisor) {
            offers.add(new Offer("Take over…", null, true, () -> takeOver(lock, orderNumber)));
        }
        return offers;
    }

    boolean isMine(LockInfo lock) {
        return isMe(lock.holder().username());
    }

    boolean isMe(String username) {
        return username.equals(myUsername);
    }

    /** The holder as this clerk reads it: a name, "you" (another browser) or "you, other tab". */
    String holderLabel(LockInfo lock) {
        if (!isMine(lock)) {
            return lock.holder().displayName();
        }
        return isHeldInThisSession(lock) ? "you, other tab" : "you";
    }

    boolean isHeldInThisSession(LockInfo lock) {
        return board.isHeldInSession(lock, sessionId());
    }

    private boolean isNotifying(long orderId) {
        return board.waitFor(orderId, sessionId()).isPresent();
    }

    private void notifyWhenFree(long orderId, String orderNumber) {
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

    private void stopNotifying(long orderId, String orderNumber) {
        board.stopNotifying(orderId, sessionId());
        Notices.show(
                owner,
                "You will not be told when order " + orderNumber + " is free",
                NotificationVariant.LUMO_CONTRAST);
    }

    private void askToRelease(long orderId, String orderNumber) {
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
    private void takeOver(LockInfo lock, String orderNumber) {
        long orderId = lock.resource().id();
        String holder = lock.holder().displayName();
        new ReasonDialog(
                        "Take over order " + orderNumber + "?",
                        holder + " is editing this order. " + holder
                                + " keeps the unsaved changes on screen but can no longer save them.",
                        "Take over",
                        LockTakeOvers.REASON_MAX_LENGTH,
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
