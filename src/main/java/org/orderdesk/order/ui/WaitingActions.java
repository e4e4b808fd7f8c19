package org.orderdesk.order.ui;

import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.VaadinSession;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import org.orderdesk.lock.JoinOutcome;
import org.orderdesk.lock.LockInfo;
import org.orderdesk.lock.LockTakeOvers;
import org.orderdesk.lock.ReleaseRequest;
import org.orderdesk.lock.Reservation;
import org.orderdesk.order.OrderLockBoard;
import org.orderdesk.ui.Countdown;
import org.orderdesk.ui.Formats;
import org.orderdesk.ui.Notices;
import org.orderdesk.ui.ReasonDialog;

/**
 * What a clerk can do about an order someone else is editing or has reserved, the same from the
 * grid's context menu and from the read-only view: wait in its line to be told when it is their
 * turn, ask the holder to release it, and, for supervisors, take it over; and, when it is reserved
 * for them, edit it now or let the next in line have it. {@link #offeredFor} decides which of them
 * a clerk is offered.
 */
final class WaitingActions {

    /** One thing to do about a lock; {@code icon} is null where the label says enough. */
    record Offer(String label, @Nullable VaadinIcon icon, boolean drastic, Runnable action) {}

    private final OrderLockBoard board;
    private final HasComponents owner;
    private final String myUsername;
    private final boolean supervisor;
    private final Clock clock;

    WaitingActions(OrderLockBoard board, HasComponents owner, String myUsername, boolean supervisor, Clock clock) {
        this.board = board;
        this.owner = owner;
        this.myUsername = myUsername;
        this.supervisor = supervisor;
        this.clock = clock;
    }

    /** What this clerk may do about {@code lock} on the order, in the order offered; nothing about their own lock. */
    List<Offer> offeredFor(LockInfo lock, String orderNumber) {
        List<Offer> offers = new ArrayList<>();
        if (isMine(lock)) {
            return offers;
        }
        long id = lock.resource().id();
        offers.add(lineOffer(id, orderNumber));
        offers.add(new Offer(
                "Ask " + lock.holder().displayName() + " to release",
                null,
                false,
                () -> askToRelease(id, orderNumber)));
        if (supervisor) {
            offers.add(new Offer(
                    "Take over…",
                    null,
                    true,
                    () -> takeOver(
                            id,
                            lock.token(),
                            orderNumber,
                            lock.holder().displayName() + " is editing this order. "
                                    + lock.holder().displayName()
                                    + " keeps the unsaved changes on screen but can no longer save them.")));
        }
        return offers;
    }

    /**
     * What this clerk may do about the order nobody edits but {@code reservation} keeps for the
     * first in its line: edit it now or let the next have it, when it is their turn; otherwise
     * wait in line and, for supervisors, take it over out of turn.
     */
    List<Offer> offeredFor(Reservation reservation, String orderNumber) {
        long id = reservation.resource().id();
        if (reservation.isFor(myUsername)) {
            return List.of(
                    new Offer("Edit now", VaadinIcon.EDIT, false, () -> OrderEditorView.navigateTo(id)),
                    new Offer("Decline", null, false, () -> decline(id, orderNumber)));
        }
        List<Offer> offers = new ArrayList<>();
        offers.add(lineOffer(id, orderNumber));
        if (supervisor) {
            String clerk = reservation.user().displayName();
            offers.add(new Offer(
                    "Take over…",
                    null,
                    true,
                    () -> takeOver(
                            id,
                            reservation.id(),
                            orderNumber,
                            "It is " + clerk + "'s turn: the order is reserved for " + clerk + ". " + clerk
                                    + " goes back to the front of the line.")));
        }
        return offers;
    }

    private Offer lineOffer(long orderId, String orderNumber) {
        return placeInLine(orderId).isPresent()
                ? new Offer(
                        "Stop notifying me", VaadinIcon.BELL_SLASH, false, () -> stopNotifying(orderId, orderNumber))
                : new Offer("Notify me when free", VaadinIcon.BELL, false, () -> notifyWhenFree(orderId, orderNumber));
    }

    boolean isMine(LockInfo lock) {
        return isMe(lock.holder().username());
    }

    boolean isMe(String username) {
        return username.equals(myUsername);
    }

    String myUsername() {
        return myUsername;
    }

    /** This clerk's place in the order's waiting line (1 = next), if they wait. */
    OptionalInt placeInLine(long orderId) {
        return board.placeInLine(orderId, myUsername);
    }

    /** The holder as this clerk reads it: a name, "you" (another browser) or "you, other tab". */
    String holderLabel(LockInfo lock) {
        if (!isMine(lock)) {
            return lock.holder().displayName();
        }
        return isHeldInThisSession(lock) ? "you, other tab" : "you";
    }

    /** "Reserved for Bob", or "Reserved for you". */
    String reservedLabel(Reservation reservation) {
        return "Reserved for "
                + (reservation.isFor(myUsername) ? "you" : reservation.user().displayName());
    }

    boolean isHeldInThisSession(LockInfo lock) {
        return board.isHeldInSession(lock, sessionId());
    }

    private void notifyWhenFree(long orderId, String orderNumber) {
        switch (board.notifyWhenFree(orderId, orderNumber, sessionId())) {
            case JoinOutcome.InLine inLine ->
                Notices.show(
                        owner,
                        "You are " + Formats.ordinal(inLine.place()) + " in line for order " + orderNumber
                                + ". You will be told when it is your turn.",
                        NotificationVariant.LUMO_CONTRAST);
            case JoinOutcome.YourTurn yourTurn ->
                tellTurn(
                        owner,
                        orderNumber,
                        yourTurn.reservation(),
                        clock.instant(),
                        () -> decline(orderId, orderNumber));
            case JoinOutcome.Free free -> tellFree(owner, orderId, orderNumber);
            case JoinOutcome.HeldByYou mine ->
                Notices.show(
                        owner, "You are editing order " + orderNumber + " yourself", NotificationVariant.LUMO_CONTRAST);
        }
    }

    /** "Order OD-000042 is free now — Edit now", until the clerk acts on it or closes it. */
    static Notification tellFree(HasComponents owner, long orderId, String orderNumber) {
        Button editNow = new Button("Edit now", click -> OrderEditorView.navigateTo(orderId));
        editNow.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        return Notices.ask(owner, "free-notice", "Order " + orderNumber + " is free now", editNow);
    }

    /**
     * "Order OD-000042 is free now · Reserved for you · 0:28 — Edit now / Decline", until the
     * clerk acts on it or closes it (closing lets the reservation run out).
     */
    static Notification tellTurn(
            HasComponents owner, String orderNumber, Reservation reservation, Instant now, Runnable decline) {
        long orderId = reservation.resource().id();
        Button editNow = new Button("Edit now", click -> OrderEditorView.navigateTo(orderId));
        editNow.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        Button declined = new Button("Decline", click -> decline.run());
        declined.addThemeVariants(ButtonVariant.LUMO_SMALL);
        declined.setTooltipText("Let the next clerk in line have it");
        Div left = new Div(new Text("Reserved for you · "), new Countdown(reservation.expiresAt(), now));
        left.addClassName("turn-countdown");
        Div message = new Div(new Span("Order " + orderNumber + " is free now"), left);
        return Notices.ask(owner, "free-notice", message, editNow, declined);
    }

    private void stopNotifying(long orderId, String orderNumber) {
        board.stopNotifying(orderId, sessionId());
        Notices.show(
                owner,
                "You will not be told when order " + orderNumber + " is free",
                NotificationVariant.LUMO_CONTRAST);
    }

    /** Gives up this clerk's reservation: the next in line gets the order. */
    void decline(long orderId, String orderNumber) {
        board.stopNotifying(orderId, sessionId());
        Notices.show(
                owner,
                "You let order " + orderNumber + " go to the next clerk in line",
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

    /**
     * Asks the supervisor why, then opens the editor, which takes the order over from the hold
     * (or reservation) {@code seen}.
     */
    private void takeOver(long orderId, long seen, String orderNumber, String consequence) {
        new ReasonDialog(
                        "Take over order " + orderNumber + "?",
                        consequence,
                        "Take over",
                        LockTakeOvers.REASON_MAX_LENGTH,
                        reason -> {
                            UI ui = UI.getCurrent();
                            new TakeOverRequest(orderId, seen, reason).handTo(ui);
                            OrderEditorView.navigateTo(orderId);
                        })
                .open();
    }

    static String sessionId() {
        return VaadinSession.getCurrent().getSession().getId();
    }
}
