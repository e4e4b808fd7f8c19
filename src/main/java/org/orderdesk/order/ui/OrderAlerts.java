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
import java.util.Optional;
import org.orderdesk.event.Resynchronised;
import org.orderdesk.lock.LockEvent;
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
 * OD-000042 is free now — Edit now" once its lock ends, and a heads-up when the holder's lock is
 * about to expire, and the holder's answer when this clerk asked them to release an order. Part of the main layout; the read-only view of the order says it itself. After
 * a resynchronisation it tells what it may have missed.
 */
@SpringComponent
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
class OrderAlerts extends Div implements NavbarItem {

    private final OrderLockBoard board;
    private final Clock clock;
    private final String sessionId;
    private final String myUsername;
    /** The "free now" notices shown in this tab, by order: closed once someone takes the order. */
    private final Map<Long, Notification> freeNotices = new HashMap<>();

    OrderAlerts(OrderLockBoard board, LiveUpdates live, Clock clock, SignedInUser currentUser) {
        this.board = board;
        this.clock = clock;
        this.sessionId = WaitingActions.sessionId();
        this.myUsername = currentUser.require().getUsername();
        addClassName("order-alerts");
        live.whileAttached(this, LockEvent.class, this::concernsThisClerk, this::alert);
        live.whileAttached(
                this, Resynchronised.class, resync -> true, resync -> "resynchronised", resync -> rederive());
    }

    @Override
    public Component asComponent() {
        return this;
    }

    /** Runs on the committing thread: events about the orders this session waits for or was told are free. */
    private boolean concernsThisClerk(LockEvent event) {
        if (!ResourceId.ORDER.equals(event.resource().type())) {
            return false;
        }
        long orderId = event.resource().id();
        return switch (event) {
            case LockEvent.Released released -> isWaitingFor(orderId);
            case LockEvent.Expired expired -> isWaitingFor(orderId);
            case LockEvent.Broken broken -> isWaitingFor(orderId);
            case LockEvent.Expiring expiring -> isWaitingFor(orderId);
            // A "free now" notice this tab shows is out of date once someone takes the order.
            case LockEvent.Acquired acquired -> true;
            case LockEvent.ReleaseAnswered answered ->
                answered.requester().username().equals(myUsername);
            default -> false;
        };
    }

    private boolean isWaitingFor(long orderId) {
        return board.waitFor(orderId, sessionId).isPresent();
    }

    private void alert(LockEvent event) {
        long orderId = event.resource().id();
        switch (event) {
            case LockEvent.Expiring expiring -> headsUp(expiring);
            case LockEvent.ReleaseAnswered answered -> tellAnswer(answered);
            case LockEvent.Acquired acquired -> {
                Notification outdated = freeNotices.remove(orderId);
                if (outdated != null) {
                    outdated.close();
                }
            }
            default -> tellFree(orderId);
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
        String orderNumber = board.orderNumberOf(orderId).orElse("#" + orderId);
        Notices.ask(this, "release-answer", ReleaseAnswerTexts.elsewhere(answered, orderNumber));
    }

    /**
     * Tells the first tab of the session that gets here, if the order is still free: the lease of
     * one clerk may end in the very step in which another takes the order.
     */
    private void tellFree(long orderId) {
        if (board.currentLock(orderId).isPresent()) {
            return;
        }
        Optional<FreeNotices.Wait> claimed = board.claimFreeNotice(orderId, sessionId);
        // The order's read-only view says "Free now — Edit" by itself.
        if (claimed.isEmpty() || shownHere(orderId)) {
            return;
        }
        Notification notice =
                WaitingActions.tellFree(this, orderId, claimed.get().orderNumber());
        freeNotices.put(orderId, notice);
        notice.addOpenedChangeListener(change -> {
            if (!change.isOpened()) {
                freeNotices.remove(orderId, notice);
            }
        });
    }

    /**
     * Events may have been missed: an order this clerk waits for that is free now is told as if
     * its release had been heard, and a "free now" notice of an order taken meanwhile goes.
     */
    private void rederive() {
        List.copyOf(freeNotices.keySet()).forEach(orderId -> {
            if (board.currentLock(orderId).isPresent()) {
                freeNotices.remove(orderId).close();
            }
        });
        board.waitsOf(sessionId).forEach(wait -> tellFree(wait.orderId()));
    }

    /** The read-only view of the order tells by itself. */
    private boolean shownHere(long orderId) {
        return UI.getCurrent().getCurrentView() instanceof OrderView view && view.shows(orderId);
    }
}
