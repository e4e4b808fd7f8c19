package org.orderdesk.order.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.spring.annotation.SpringComponent;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.orderdesk.event.Resynchronised;
import org.orderdesk.lock.LockEvent;
import org.orderdesk.lock.LockUser;
import org.orderdesk.lock.Reservation;
import org.orderdesk.lock.ResourceId;
import org.orderdesk.order.FreeNotices;
import org.orderdesk.order.OrderLockBoard;
import org.orderdesk.security.SignedInUser;
import org.orderdesk.ui.Formats;
import org.orderdesk.ui.LiveUpdates;
import org.orderdesk.ui.NavbarItem;
import org.orderdesk.ui.Notices;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;

/**
 * Alerts about the orders this clerk waits for, wherever the clerk is in the app: "Order
 * OD-000042 is free now · Reserved for you · 0:28 — Edit now / Decline" once it is their turn (in
 * one tab of each of their sessions), closed once the reservation ends; that a supervisor took
 * their turn; a heads-up when the holder's lock is about to expire;
 * and the holder's answer when this clerk asked them to release an order. Part of the main layout;
 * the read-only view of the order says it itself. After a resynchronisation it tells what it may
 * have missed.
 */
@SpringComponent
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
class OrderAlerts extends Div implements NavbarItem {

    private final OrderLockBoard board;
    private final Clock clock;
    private final String sessionId;
    private final String myUsername;
    private final WaitingActions actions;
    /** The "your turn" notices shown in this tab, by order: closed once the reservation ends. */
    private final Map<Long, Notification> turnNotices = new HashMap<>();

    OrderAlerts(OrderLockBoard board, LiveUpdates live, Clock clock, SignedInUser currentUser) {
        this.board = board;
        this.clock = clock;
        this.sessionId = WaitingActions.sessionId();
        this.myUsername = currentUser.require().getUsername();
        this.actions = new WaitingActions(board, this, myUsername, false, clock);
        addClassName("order-alerts");
        live.whileAttached(this, LockEvent.class, this::concernsThisClerk, this::alert);
        live.whileAttached(
                this, Resynchronised.class, resync -> true, resync -> "resynchronised", resync -> rederive());
    }

    @Override
    public Component asComponent() {
        return this;
    }

    /** Runs on the committing thread: this clerk's turns, and warnings about the orders this session waits for. */
    private boolean concernsThisClerk(LockEvent event) {
        if (!ResourceId.ORDER.equals(event.resource().type())) {
            return false;
        }
        return switch (event) {
            case LockEvent.Expiring expiring -> isWaitingFor(expiring.resource().id());
            case LockEvent.Reserved reserved -> isMe(reserved.user());
            case LockEvent.ReservationEnded ended -> isMe(ended.user());
            case LockEvent.ReleaseAnswered answered ->
                answered.requester().username().equals(myUsername);
            default -> false;
        };
    }

    private boolean isMe(LockUser user) {
        return user.username().equals(myUsername);
    }

    private boolean isWaitingFor(long orderId) {
        return board.waitFor(orderId, sessionId).isPresent();
    }

    private void alert(LockEvent event) {
        switch (event) {
            case LockEvent.Expiring expiring -> headsUp(expiring);
            case LockEvent.Reserved reserved ->
                tellTurn(new Reservation(
                        reserved.resource(),
                        reserved.user(),
                        reserved.reservation(),
                        reserved.at(),
                        reserved.expiresAt()));
            case LockEvent.ReservationEnded ended -> turnEnded(ended);
            case LockEvent.ReleaseAnswered answered -> tellAnswer(answered);
            default -> {}
        }
    }

    private void headsUp(LockEvent.Expiring expiring) {
        long orderId = expiring.resource().id();
        board.waitFor(orderId, sessionId)
                .filter(wait -> !shownHere(orderId))
                .ifPresent(wait -> Notices.show(
                        this,
                        expiring.holder().displayName() + "'s lock on order " + wait.orderNumber() + " ends in "
                                + Formats.countdown(Duration.between(clock.instant(), expiring.expiresAt())),
                        NotificationVariant.LUMO_WARNING));
    }

    /** The read-only view of the order shows the answer under its banner; elsewhere it is a notice that stays. */
    private void tellAnswer(LockEvent.ReleaseAnswered answered) {
        long orderId = answered.resource().id();
        if (shownHere(orderId)) {
            return;
        }
        Notices.ask(this, "release-answer", ReleaseAnswerTexts.elsewhere(answered, orderNumber(orderId)));
    }

    /**
     * Tells the first tab of the session that gets here, while the reservation lasts: the
     * read-only view of the order, if this tab shows it, offers the same by itself.
     */
    private void tellTurn(Reservation reservation) {
        long orderId = reservation.resource().id();
        if (!reservation.isLive(clock.instant()) || !board.claimTurnNotice(reservation, sessionId)) {
            return;
        }
        String orderNumber = orderNumber(orderId);
        board.forgetWait(orderId, sessionId);
        if (shownHere(orderId)) {
            return;
        }
        Notification notice = WaitingActions.tellTurn(
                this, orderNumber, reservation, clock.instant(), () -> actions.decline(orderId, orderNumber));
        Notification replaced = turnNotices.put(orderId, notice);
        if (replaced != null) {
            replaced.close();
        }
        notice.addOpenedChangeListener(change -> {
            if (!change.isOpened()) {
                turnNotices.remove(orderId, notice);
            }
        });
    }

    /** The turn is over (used, declined, lapsed); taken by a supervisor, the clerk waits first in line again. */
    private void turnEnded(LockEvent.ReservationEnded ended) {
        long orderId = ended.resource().id();
        Notification outdated = turnNotices.remove(orderId);
        if (outdated != null) {
            outdated.close();
        }
        LockUser by = ended.by();
        if (ended.how() == LockEvent.Ending.VOIDED && by != null && board.claimTurnEndNotice(ended, sessionId)) {
            String orderNumber = orderNumber(orderId);
            board.waitAgain(orderId, orderNumber, sessionId);
            Notices.show(
                    this,
                    by.displayName() + " took over order " + orderNumber + ". You are first in line again.",
                    NotificationVariant.LUMO_CONTRAST);
        }
    }

    /**
     * Events may have been missed: a turn of this clerk's that lasts now is told as if its
     * reservation had been heard, and a notice of a turn that ended meanwhile goes.
     */
    private void rederive() {
        List.copyOf(turnNotices.keySet()).forEach(orderId -> {
            if (board.currentReservation(orderId).filter(r -> isMe(r.user())).isEmpty()) {
                turnNotices.remove(orderId).close();
            }
        });
        board.currentReservations().stream().filter(r -> isMe(r.user())).forEach(this::tellTurn);
    }

    private String orderNumber(long orderId) {
        return board.waitFor(orderId, sessionId)
                .map(FreeNotices.Wait::orderNumber)
                .or(() -> board.orderNumberOf(orderId))
                .orElse(Long.toString(orderId));
    }

    /** The read-only view of the order tells by itself. */
    private boolean shownHere(long orderId) {
        return UI.getCurrent().getCurrentView() instanceof OrderView view && view.shows(orderId);
    }
}
