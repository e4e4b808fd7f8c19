package org.orderdesk.order.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.shared.Registration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.orderdesk.lock.LockEvent;
import org.orderdesk.lock.LockInfo;
import org.orderdesk.lock.Reservation;
import org.orderdesk.lock.ResourceId;
import org.orderdesk.order.OrderLockBoard;
import org.orderdesk.ui.Countdown;
import org.orderdesk.ui.Formats;
import org.orderdesk.ui.LiveLockTable;
import org.orderdesk.ui.Notices;

/**
 * Who edits the order now and until when ("Bob is editing this order since 10:32:05 — lock ends
 * 10:34:05"), with what the clerk may do meanwhile; that the lock is about to end; for whom the
 * free order is reserved ("Reserved for Bob · 0:28"); or, once it ended, that the order is free.
 * A clerk waiting in the order's line reads their place ("You are 2nd in line").
 */
final class LockBanner extends Div {

    private final LiveLockTable locks;
    private final WaitingActions waiting;
    private final Clock clock;
    private long orderId;
    private @Nullable String orderNumber;
    /** Whether the order was locked since it was shown: only then does "free now" mean anything. */
    private boolean wasLocked;

    LockBanner(LiveLockTable locks, WaitingActions waiting, Clock clock) {
        this.locks = locks;
        this.waiting = waiting;
        this.clock = clock;
        addClassName("lock-banner-area");
    }

    /** From now on the banner is about this order; it is drawn by the next {@link #refresh()}. */
    /**
     * Follows order {@code orderId}'s lock, reservation and line while the owner of the lock table
     * is attached, loading both once subscribed; the registration ends it.
     */
    Registration follow(OrderLockBoard board, long orderId) {
        ResourceId resource = ResourceId.order(orderId);
        return locks.follow(
                event -> event.resource().equals(resource),
                LockBanner::isLineNews,
                event -> new Object(),
                this::lockChanged,
                () -> board.currentLock(orderId).stream().toList(),
                () -> board.currentReservation(orderId).stream().toList(),
                this::refresh);
    }

    void showFor(long orderId, String orderNumber) {
        this.orderId = orderId;
        this.orderNumber = orderNumber;
        wasLocked = false;
    }

    /** Draws the banner for the order's lock or reservation as the table knows it now, and the clerk's place in line. */
    void refresh() {
        removeAll();
        Optional<LockInfo> current = locks.find(ResourceId.order(orderId));
        Optional<Reservation> reserved = locks.findReservation(ResourceId.order(orderId));
        if (current.isPresent()) {
            wasLocked = true;
            LockInfo lock = current.get();
            add(lockBanner(lock));
            if (!waiting.isMine(lock)) {
                add(actions(waiting.offeredFor(lock, String.valueOf(orderNumber))));
            }
        } else if (reserved.isPresent()) {
            wasLocked = true;
            add(reservedBanner(reserved.get()));
            add(actions(waiting.offeredFor(reserved.get(), String.valueOf(orderNumber))));
        } else if (wasLocked) {
            add(freeBanner());
        }
        // Nobody waits for an order that is neither held nor reserved.
        if (current.isPresent() || reserved.isPresent()) {
            waiting.placeInLine(orderId).ifPresent(place -> add(placeInLine(place)));
        }
    }

    /** Events that change the order's line but not its lock: the places shown are read again. */
    static boolean isLineNews(LockEvent event) {
        return event instanceof LockEvent.JoinedLine || event instanceof LockEvent.LeftLine;
    }

    /** Draws the change, and warns that someone else's lock is about to end. */
    void lockChanged(LockEvent event) {
        refresh();
        if (event instanceof LockEvent.Expiring expiring
                && !waiting.isMe(expiring.holder().username())) {
            Notices.show(
                    this,
                    expiring.holder().displayName() + "'s lock on order " + orderNumber + " ends in "
                            + Formats.countdown(Duration.between(clock.instant(), expiring.expiresAt())),
                    NotificationVariant.LUMO_WARNING);
        }
    }

    private Div lockBanner(LockInfo lock) {
        Instant now = clock.instant();
        String holder = lock.holder().displayName();
        Div shown = new Div(VaadinIcon.LOCK.create());
        if (waiting.isMine(lock)) {
            String where = waiting.isHeldInThisSession(lock) ? "tab" : "browser";
            shown.add(new Span("You are editing this order in another " + where + " since "
                    + Formats.time(lock.acquiredAt()) + " — lock ends " + Formats.time(lock.expiresAt())));
        } else if (lock.expiryWarned()) {
            shown.add(new Span(holder + "'s lock ends in "), new Countdown(lock.expiresAt(), now));
            shown.addClassName("expiring");
        } else {
            shown.add(
                    new Span(holder + " is editing this order since " + Formats.time(lock.acquiredAt())
                            + " — lock ends " + Formats.time(lock.expiresAt()) + " · "),
                    new Countdown(lock.expiresAt(), now),
                    new Span(" left"));
        }
        shown.addClassName("lock-banner");
        shown.getElement().setAttribute("role", "status");
        return shown;
    }

    private Div reservedBanner(Reservation reservation) {
        Div shown = new Div(
                VaadinIcon.CLOCK.create(),
                new Span(waiting.reservedLabel(reservation) + " · "),
                new Countdown(reservation.expiresAt(), clock.instant()));
        if (reservation.isFor(waiting.myUsername())) {
            shown.add(new Span(" — it is your turn"));
        }
        shown.addClassNames("lock-banner", "reserved");
        shown.getElement().setAttribute("role", "status");
        return shown;
    }

    private Div placeInLine(int place) {
        Div shown = new Div("You are " + Formats.ordinal(place) + " in line");
        shown.addClassName("line-place");
        shown.getElement().setAttribute("role", "status");
        return shown;
    }

    private HorizontalLayout actions(List<WaitingActions.Offer> offers) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.addClassName("lock-actions");
        for (WaitingActions.Offer offer : offers) {
            Button button = new Button(offer.label(), click -> {
                offer.action().run();
                // A dialog opened by a drastic action redraws nothing; the others change what is offered.
                if (!offer.drastic()) {
                    refresh();
                }
            });
            if (offer.icon() != null) {
                button.setIcon(offer.icon().create());
            }
            if (offer.drastic()) {
                button.addThemeVariants(ButtonVariant.LUMO_ERROR);
            }
            button.addThemeVariants(ButtonVariant.LUMO_SMALL);
            actions.add(button);
        }
        return actions;
    }

    private Div freeBanner() {
        long id = orderId;
        Button edit = new Button("Edit", VaadinIcon.EDIT.create(), click -> OrderEditorView.navigateTo(id));
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        Div free = new Div(VaadinIcon.UNLOCK.create(), new Span("Free now — "), edit);
        free.addClassNames("lock-banner", "free");
        free.getElement().setAttribute("role", "status");
        return free;
    }
}
