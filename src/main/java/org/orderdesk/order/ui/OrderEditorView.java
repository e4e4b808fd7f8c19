package org.orderdesk.order.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.internal.AllowInert;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.orderdesk.lock.LockEvent;
import org.orderdesk.lock.LockHolder;
import org.orderdesk.lock.LockLoss;
import org.orderdesk.lock.LockLostException;
import org.orderdesk.lock.LockUser;
import org.orderdesk.lock.RenewOutcome;
import org.orderdesk.order.EditLock;
import org.orderdesk.order.EditStart;
import org.orderdesk.order.InvalidOrderException;
import org.orderdesk.order.Order;
import org.orderdesk.order.OrderChangedException;
import org.orderdesk.order.OrderDraft;
import org.orderdesk.order.OrderEditing;
import org.orderdesk.order.OrderLockBoard;
import org.orderdesk.order.OrderNotFoundException;
import org.orderdesk.order.RenewalGate;
import org.orderdesk.order.SaveFailedException;
import org.orderdesk.security.AppUserDetails;
import org.orderdesk.security.SignedInUser;
import org.orderdesk.ui.Formats;
import org.orderdesk.ui.LiveUpdates;
import org.orderdesk.ui.Notices;
import org.springframework.security.access.AccessDeniedException;

/**
 * Edits an order under its edit lock, acquired in {@link #beforeEnter} before the form is built.
 * The browser renews the lock while the clerk works ({@code frontend/js/lock-heartbeat.js}); the
 * lock's events arrive by push. When the lock is lost, the form turns read-only and keeps every
 * value the clerk entered. Leaving the editor releases the lock.
 */
@Route("orders/:orderId/edit")
@PermitAll
@JavaScript("context://js/lock-heartbeat.js")
public class OrderEditorView extends VerticalLayout
        implements BeforeEnterObserver, BeforeLeaveObserver, HasDynamicTitle {

    private static final long NO_TOKEN = -1;

    private final OrderEditing editing;
    private final SignedInUser currentUser;
    private final OrderLockBoard board;
    private final LiveUpdates live;
    /** Names this editor instance, so that the same clerk's other tab is told apart. */
    private final String holderKey = UUID.randomUUID().toString();

    private final LockHeartbeat heartbeat = new LockHeartbeat(this);
    private final LockStatusBar statusBar = new LockStatusBar();
    private final LockLostPanel lostPanel = new LockLostPanel(this::reacquire, this::compareWithSaved, this::discard);
    private final ExpiryWarning expiryWarning = new ExpiryWarning(this::keepEditing, this::close);
    private final Button save = new Button("Save", VaadinIcon.CHECK.create(), click -> save());
    private final Button saveAndClose = new Button("Save & close", click -> saveAndClose());
    private final Button cancel = new Button("Cancel", click -> close());

    private @Nullable Order loaded;
    private @Nullable OrderDraft original;
    private @Nullable OrderForm form;
    private @Nullable EditLock lock;
    private @Nullable LockLoss loss;
    /** The server's limits on this hold's renewals: activity within the idle timeout, a pause between two. */
    private RenewalGate renewals;
    /** The token whose events matter; read by whichever thread commits a lock change. */
    private volatile long watchedToken = NO_TOKEN;

    private boolean leaving;
    /** The open "asks to edit" notices, by requester. */
    private final Map<String, Notification> releaseRequests = new HashMap<>();

    public OrderEditorView(OrderEditing editing, SignedInUser currentUser, OrderLockBoard board, LiveUpdates live) {
        this.editing = editing;
        this.currentUser = currentUser;
        this.board = board;
        this.live = live;
        this.renewals = editing.renewalGate();
        addClassName("order-editor");
        setSizeFull();
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.KEY_S, KeyModifier.CONTROL).resetFocusOnActiveElement();
        cancel.addClickShortcut(Key.ESCAPE);
        live.whileAttached(this, LockEvent.class, this::concernsMyLock, this::onLockEvent);
    }

    static void navigateTo(long orderId) {
        UI.getCurrent().navigate(OrderEditorView.class, OrderView.parameters(orderId));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String requested = event.getRouteParameters().get(OrderView.ORDER_ID).orElse("");
        Optional<Long> orderId = OrderIds.parse(requested);
        if (orderId.isEmpty()) {
            event.rerouteToError(new OrderNotFoundException(requested), "Order not found");
            return;
        }
        clearPage();
        letGo();
        long id = orderId.get();
        EditStart start;
        try {
            start = TakeOverRequest.takeFrom(event.getUI(), id)
                    .map(takeOver -> editing.takeOver(id, takeOver.token(), holderKey, takeOver.reason(), sessionId()))
                    .orElseGet(() -> editing.open(id, holder(), sessionId()));
        } catch (AccessDeniedException | IllegalArgumentException refused) {
            Notification.show(refused.getMessage(), 5000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            event.forwardTo(OrderView.class, OrderView.parameters(id));
            return;
        }
        switch (start) {
            case EditStart.Editing started -> startEditing(started);
            case EditStart.LockedByOther other -> event.forwardTo(OrderView.class, OrderView.parameters(id));
            case EditStart.OpenInOtherTab otherTab -> offerMove(id, otherTab.orderNumber());
            case EditStart.NotFound notFound ->
                event.rerouteToError(new OrderNotFoundException(requested), "Order not found");
        }
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        if (leaving || !hasUnsavedChanges()) {
            return;
        }
        BeforeLeaveEvent.ContinueNavigationAction navigation = event.postpone();
        ConfirmDialog ask = new ConfirmDialog(
                "Discard unsaved changes?",
                "Your changes to " + orderName() + " are not saved. Leave and discard them?",
                "Discard changes",
                confirmed -> {
                    leaving = true;
                    navigation.proceed();
                });
        ask.setCancelable(true);
        ask.setCancelText("Keep editing");
        ask.setConfirmButtonTheme("error primary");
        ask.open();
    }

    @Override
    public String getPageTitle() {
        return loaded == null ? "Edit order · Order Desk" : "Edit " + orderName() + " · Order Desk";
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        if (holding()) {
            startHeartbeat();
        }
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        letGo();
    }

    /**
     * Called by the browser every renew interval while the clerk is active in the editor; also
     * while a dialog of the editor (such as "Discard unsaved changes?") makes the editor inert.
     * The browser says how long ago the clerk last typed, clicked or moved in the editor; the lock
     * itself is always this editor's own.
     */
    @ClientCallable
    @AllowInert
    void renewLock(double idleMillis) {
        if (!holding()) {
            return;
        }
        renewals.reported(idleMillis);
        renew();
    }

    /**
     * Renews the lock if the gate lets the renewal through. A refused one (too soon after the
     * last, or the clerk idle) changes nothing, here or in the database: the status bar still
     * shows when the lease really ends, and unless the clerk acts, the expiry warning comes and the
     * lease lapses as it would without renewals, the typed values staying in the form.
     */
    private void renew() {
        if (renewals.admitRenewal() != RenewalGate.Decision.ACCEPTED) {
            return;
        }
        EditLock held = Objects.requireNonNull(lock);
        switch (editing.renew(held)) {
            case RenewOutcome.Renewed renewed -> {
                lock = held.withExpiry(renewed.expiresAt());
                Duration left = editing.remaining(lock);
                statusBar.showHeld(lock.expiresAt(), left);
                heartbeat.rebase(left);
                expiryWarning.close();
            }
            case RenewOutcome.Lost lost -> lockLost(lost.loss());
        }
    }

    private void startEditing(EditStart.Editing started) {
        leaving = false;
        loaded = started.order();
        original = OrderDraft.of(loaded);
        form = new OrderForm(original.copy(), this::changed);
        removeAll();
        add(header(), statusBar, lostPanel, form, actions(), expiryWarning.component());
        holdLock(started.lock());
    }

    /** From now on this editor holds {@code held}: editable, counting down, renewing. */
    private void holdLock(EditLock held) {
        lock = held;
        loss = null;
        renewals = editing.renewalGate();
        watchedToken = held.token();
        lostPanel.hide();
        Objects.requireNonNull(form).setReadOnly(false);
        save.setEnabled(true);
        saveAndClose.setEnabled(true);
        statusBar.showHeld(held.expiresAt(), editing.remaining(held));
        if (isAttached()) {
            startHeartbeat();
        }
    }

    private void startHeartbeat() {
        EditLock held = Objects.requireNonNull(lock);
        heartbeat.start(held, editing.remaining(held), editing.settings());
    }

    private void offerMove(long orderId, String orderNumber) {
        removeAll();
        Paragraph message = new Paragraph("You are editing order " + orderNumber + " in another tab");
        Button move = new Button(
                "Move editing here",
                click -> moveHere(editing.moveHere(orderId, orderNumber, holder(), sessionId()), orderId));
        move.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button readOnly = new Button("Open read-only", click -> OrderView.navigateTo(orderId));
        Div choice = new Div(message, new HorizontalLayout(move, readOnly));
        choice.addClassName("other-tab-choice");
        add(new H2("Order " + orderNumber), choice);
    }

    /** Runs on the committing thread: the events that warn about, end or ask for this editor's hold. */
    private boolean concernsMyLock(LockEvent event) {
        long watched = watchedToken;
        if (watched == NO_TOKEN) {
            return false;
        }
        return event.endangeredToken().equals(OptionalLong.of(watched))
                || (event instanceof LockEvent.ReleaseRequested requested && requested.token() == watched);
    }

    private void moveHere(EditStart start, long orderId) {
        switch (start) {
            case EditStart.Editing started -> startEditing(started);
            // The other tab's lease ran out and another clerk took the lock meanwhile.
            case EditStart.LockedByOther other -> OrderView.navigateTo(orderId);
            case EditStart.OpenInOtherTab otherTab -> offerMove(orderId, otherTab.orderNumber());
            case EditStart.NotFound notFound -> UI.getCurrent().navigate(OrdersView.class);
        }
    }

    private void onLockEvent(LockEvent event) {
        if (!holding() || !concernsMyLock(event)) {
            return;
        }
        if (event instanceof LockEvent.ReleaseRequested requested) {
            askedToRelease(requested.requester());
        } else if (event instanceof LockEvent.Expiring expiring) {
            // A renewal handled before this queued event has already moved the lease on.
            if (expiring.expiresAt().equals(lock.expiresAt())) {
                expiryWarning.show(orderName(), editing.remaining(lock));
            }
        } else {
            editing.lossOf(lock).ifPresent(this::lockLost);
        }
    }

    /**
     * "Bob asks to edit order OD-000042 — Release now / Keep editing"; releasing asks first about
     * unsaved changes. A requester asking again replaces their earlier request.
     */
    private void askedToRelease(LockUser requester) {
        closeReleaseRequest(requester.username());
        Button releaseNow = new Button("Release now", click -> close());
        releaseNow.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        Button keepEditing = new Button("Keep editing");
        keepEditing.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Notification request = Notices.ask(
                this,
                "release-request",
                requester.displayName() + " asks to edit " + orderName(),
                releaseNow,
                keepEditing);
        releaseRequests.put(requester.username(), request);
        request.addOpenedChangeListener(change -> {
            if (!change.isOpened()) {
                releaseRequests.remove(requester.username(), request);
            }
        });
    }

    private void closeReleaseRequest(String requester) {
        Notification earlier = releaseRequests.remove(requester);
        if (earlier != null) {
            earlier.close();
        }
    }

    /** Requests to release a hold that ended mean nothing any more. */
    private void closeReleaseRequests() {
        List.copyOf(releaseRequests.keySet()).forEach(this::closeReleaseRequest);
    }

    /** The lock is gone: say why, keep every value, allow nothing that would need the lock. */
    private void lockLost(LockLoss lost) {
        EditLock held = Objects.requireNonNull(lock);
        loss = lost;
        watchedToken = NO_TOKEN;
        editing.release(held);
        heartbeat.lockLost();
        expiryWarning.close();
        closeReleaseRequests();
        Objects.requireNonNull(form).setReadOnly(true);
        save.setEnabled(false);
        saveAndClose.setEnabled(false);
        statusBar.showLost();
        lostPanel.show(lost.message(orderName()));
    }

    private boolean save() {
        if (!holding()) {
            return false;
        }
        renewals.activity();
        OrderForm edited = Objects.requireNonNull(form);
        if (!edited.validate()) {
            notify("Fix the marked fields, then save again", NotificationVariant.LUMO_ERROR);
            return false;
        }
        try {
            Order saved = editing.save(
                    Objects.requireNonNull(lock), Objects.requireNonNull(loaded).getVersion(), edited.draft());
            loaded = saved;
            original = OrderDraft.of(saved);
            edited.edit(original.copy());
            changed();
            notify("Saved " + orderName(), NotificationVariant.LUMO_SUCCESS);
            return true;
        } catch (LockLostException lost) {
            lockLost(lost.loss());
        } catch (OrderChangedException changed) {
            notify(changedMessage(changed), NotificationVariant.LUMO_ERROR);
        } catch (InvalidOrderException refused) {
            edited.markInvalid(refused.values());
            notify(
                    "Could not save: " + refused.values().getFirst().describe()
                            + ". Fix the marked fields, then save again",
                    NotificationVariant.LUMO_ERROR);
        } catch (SaveFailedException failed) {
            // Stays until the clerk closes it: the values are only safe once they are saved.
            Notices.ask(this, "save-failed", failed.getMessage());
        }
        return false;
    }

    private void saveAndClose() {
        if (save()) {
            leaving = true;
            UI.getCurrent().navigate(OrdersView.class);
        }
    }

    /** Back to the grid; asks first when there are unsaved changes, and releases the lock on leaving. */
    private void close() {
        UI.getCurrent().navigate(OrdersView.class);
    }

    /**
     * Renews at once, and lets the browser go on renewing as if the clerk had typed. The warning
     * lies outside the editor, where the browser does not see the click: the server counts it.
     */
    private void keepEditing() {
        if (!holding()) {
            return;
        }
        renewals.activity();
        renew();
        if (holding()) {
            heartbeat.markActive();
        }
    }

    private void reacquire() {
        EditLock lost = Objects.requireNonNull(lock);
        try {
            switch (editing.reacquire(lost, Objects.requireNonNull(loaded).getVersion())) {
                case EditStart.Editing again -> holdLock(again.lock());
                case EditStart.LockedByOther other ->
                    lostPanel.tell(other.holder().displayName() + " is editing " + orderName() + " until "
                            + Formats.time(other.until()) + ". Your changes stay here meanwhile.");
                case EditStart.OpenInOtherTab otherTab ->
                    lostPanel.tell("You are editing " + orderName() + " in another tab.");
                case EditStart.NotFound notFound -> lostPanel.tell(orderName() + " no longer exists.");
            }
        } catch (OrderChangedException changed) {
            lostPanel.tell(changedMessage(changed) + ". Compare with saved to see what changed.");
        }
    }

    private void compareWithSaved() {
        long orderId = Objects.requireNonNull(lock).orderId();
        OrderForm shown = form();
        editing.findWithLines(orderId)
                .map(saved ->
                        OrderComparison.compare(shown.draft(), Objects.requireNonNull(original), OrderDraft.of(saved)))
                .ifPresent(rows -> new CompareDialog(orderName(), rows, shown.hasInvalidInput()).open());
    }

    private void discard() {
        leaving = true;
        OrderView.navigateTo(Objects.requireNonNull(lock).orderId());
    }

    /** A value changed: the clerk is at work, whatever the browser last reported. */
    private void changed() {
        if (holding()) {
            renewals.activity();
        }
        getElement().setAttribute("unsaved", hasUnsavedChanges());
    }

    private boolean hasUnsavedChanges() {
        return form != null && (!form.draft().equals(original) || form.hasInvalidInput());
    }

    /** Gives up the lock this editor holds, if it holds one, and forgets the order it edited. */
    private void letGo() {
        watchedToken = NO_TOKEN;
        if (holding()) {
            editing.release(Objects.requireNonNull(lock));
        }
        lock = null;
        loss = null;
        loaded = null;
        original = null;
        form = null;
    }

    /** A reused editor about to show another order: nothing of the previous one may stay active. */
    private void clearPage() {
        heartbeat.stop();
        expiryWarning.close();
        closeReleaseRequests();
        getElement().removeAttribute("unsaved");
    }

    private boolean holding() {
        return lock != null && loss == null;
    }

    private HorizontalLayout header() {
        Order order = Objects.requireNonNull(loaded);
        H2 title = new H2("Edit order " + order.getOrderNumber());
        title.addClassName("order-title");
        OrderViewers viewers = new OrderViewers(
                board,
                live,
                Objects.requireNonNull(order.getId()),
                currentUser.require().getUsername());
        HorizontalLayout header = new HorizontalLayout(VaadinIcon.EDIT.create(), title, viewers);
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        return header;
    }

    private HorizontalLayout actions() {
        HorizontalLayout actions = new HorizontalLayout(save, saveAndClose, cancel);
        actions.addClassName("editor-actions");
        return actions;
    }

    private LockHolder holder() {
        AppUserDetails user = currentUser.require();
        return new LockHolder(user.getUsername(), user.getDisplayName(), holderKey);
    }

    private static String sessionId() {
        return VaadinSession.getCurrent().getSession().getId();
    }

    private String orderName() {
        return loaded == null ? "this order" : "order " + loaded.getOrderNumber();
    }

    private String changedMessage(OrderChangedException changed) {
        String by = Objects.requireNonNullElse(changed.changedBy(), "Someone");
        String at = changed.changedAt() == null ? "" : " at " + Formats.dateTime(changed.changedAt());
        return by + " saved " + orderName() + at + " after you opened it";
    }

    private static void notify(String message, NotificationVariant variant) {
        Notification notification = Notification.show(message, 5000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(variant);
    }

    OrderForm form() {
        return Objects.requireNonNull(form);
    }

    LockStatusBar statusBar() {
        return statusBar;
    }

    LockLostPanel lostPanel() {
        return lostPanel;
    }

    ExpiryWarning expiryWarning() {
        return expiryWarning;
    }
}
