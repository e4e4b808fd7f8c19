package org.orderdesk.order.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.internal.AllowInert;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import jakarta.annotation.security.PermitAll;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.orderdesk.database.DatabaseAvailable;
import org.orderdesk.database.DatabaseNotAnsweringException;
import org.orderdesk.database.DatabaseUnavailable;
import org.orderdesk.event.Resynchronised;
import org.orderdesk.lock.LockEvent;
import org.orderdesk.lock.LockHolder;
import org.orderdesk.order.EditLock;
import org.orderdesk.order.EditSession;
import org.orderdesk.order.EditSession.Update;
import org.orderdesk.order.EditStart;
import org.orderdesk.order.Order;
import org.orderdesk.order.OrderEditing;
import org.orderdesk.order.OrderLockBoard;
import org.orderdesk.order.OrderNotFoundException;
import org.orderdesk.security.AppUserDetails;
import org.orderdesk.security.SignedInUser;
import org.orderdesk.ui.Countdown;
import org.orderdesk.ui.LiveUpdates;
import org.springframework.security.access.AccessDeniedException;

/**
 * Edits an order under its edit lock, acquired in {@link #beforeEnter} before the form is built.
 * The {@link EditSession} owns the hold; this view shows its updates and wires the buttons. The
 * browser renews the lock while the clerk works ({@code frontend/js/lock-heartbeat.js}); the
 * lock's events arrive by push. When the lock is lost, the form turns read-only and keeps every
 * value the clerk entered. Leaving the editor releases the lock.
 */
@Route("orders/:orderId/edit")
@PermitAll
@JavaScript(Countdown.SCRIPT)
@JavaScript("context://js/lock-heartbeat.js")
class OrderEditorView extends VerticalLayout implements BeforeEnterObserver, BeforeLeaveObserver, HasDynamicTitle {

    private final OrderEditing editing;
    private final OrderLockBoard board;
    private final EditSession session;
    private final Function<Order, EditorHeader> header;
    private final HoldDisplay hold;
    private final EditorActions actions = new EditorActions(this::save, this::saveAndClose, this::close);

    /** The form of the order held now or last; none before the first hold and after leaving. */
    private @Nullable DraftEditor draft;

    private boolean leaving;

    OrderEditorView(OrderEditing editing, SignedInUser currentUser, OrderLockBoard board, LiveUpdates live) {
        this.editing = editing;
        this.board = board;
        AppUserDetails user = currentUser.require();
        this.header = order -> new EditorHeader(order, board, live, user.getUsername());
        // The holder key names this editor instance, so that the same clerk's other tab is told apart.
        LockHolder holder = new LockHolder(
                user.getUsername(), user.getDisplayName(), UUID.randomUUID().toString());
        this.session = editing.session(holder, this::show);
        this.hold =
                new HoldDisplay(this, session, this::setEditable, this::compareWithSaved, this::discard, this::close);
        addClassName("order-editor");
        setSizeFull();
        live.whileAttached(this, LockEvent.class, session::concerns, session::onLockEvent);
        // The event that ended the hold may have been missed: the session asks the lock engine.
        live.whileAttached(
                this,
                Resynchronised.class,
                resync -> true,
                resync -> "resynchronised",
                resync -> session.resynchronise());
        // This node's database stopped or started answering: the hold is unconfirmed, or confirmed again.
        live.whileAttached(
                this,
                DatabaseUnavailable.class,
                down -> true,
                down -> "database",
                down -> session.databaseUnavailable());
        live.whileAttached(
                this, DatabaseAvailable.class, up -> true, up -> "database", up -> session.databaseAvailable());
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
                    .map(takeOver -> session.takeOver(id, takeOver.token(), takeOver.reason(), sessionId()))
                    .orElseGet(() -> session.open(id, sessionId()));
        } catch (AccessDeniedException | IllegalArgumentException refused) {
            EditorTexts.notify(refused.getMessage(), NotificationVariant.LUMO_ERROR);
            event.forwardTo(OrderView.class, OrderView.parameters(id));
            return;
        } catch (DatabaseNotAnsweringException away) {
            // The read-only view would need the database too; the grid keeps what it shows.
            EditorTexts.notify(EditorTexts.CANNOT_OPEN, NotificationVariant.LUMO_ERROR);
            event.forwardTo(OrdersView.class);
            return;
        }
        switch (start) {
            case EditStart.Editing started -> {}
            case EditStart.LockedByOther other -> event.forwardTo(OrderView.class, OrderView.parameters(id));
            case EditStart.ReservedForOther reserved -> event.forwardTo(OrderView.class, OrderView.parameters(id));
            case EditStart.OpenInOtherTab otherTab -> offerMove(id, otherTab.orderNumber());
            case EditStart.NotFound notFound ->
                event.rerouteToError(new OrderNotFoundException(requested), "Order not found");
        }
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        if (leaving || draft == null || !draft.hasUnsavedChanges()) {
            return;
        }
        BeforeLeaveEvent.ContinueNavigationAction navigation = event.postpone();
        new DiscardChangesDialog(orderName(), () -> {
                    leaving = true;
                    navigation.proceed();
                })
                .open();
    }

    @Override
    public String getPageTitle() {
        return session.order().isEmpty() ? "Edit order · Order Desk" : "Edit " + orderName() + " · Order Desk";
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        hold.attached();
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
        session.renewalRequested(idleMillis);
    }

    /** Shows what changed in the session; a new hold first builds the form for its order. */
    private void show(Update update) {
        if (update instanceof Update.Held && draft == null) {
            leaving = false;
            Order order = session.order().orElseThrow();
            draft = new DraftEditor(this, session, order);
            removeAll();
            add(
                    header.apply(order),
                    hold.statusBar(),
                    hold.lostPanel(),
                    form(),
                    actions,
                    hold.expiryWarning().component());
        }
        hold.show(update);
    }

    private void setEditable(boolean editable) {
        form().setReadOnly(!editable);
        actions.allowSaving(editable);
    }

    private void offerMove(long orderId, String orderNumber) {
        removeAll();
        Supplier<EditStart> moveHere = () -> session.moveHere(orderId, orderNumber, sessionId());
        // Not this browser's: another browser, or a session that ended holding it (a node restarted).
        boolean inThisBrowser = board.currentLock(orderId)
                .map(lock -> board.isHeldInSession(lock, sessionId()))
                .orElse(true);
        add(new H2("Order " + orderNumber), new OtherTabChoice(orderId, orderNumber, inThisBrowser, moveHere));
    }

    private boolean save() {
        return draft != null && draft.save();
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

    private void compareWithSaved() {
        Objects.requireNonNull(draft).compareWith(editing.findWithLines(orderId()));
    }

    private void discard() {
        leaving = true;
        OrderView.navigateTo(orderId());
    }

    /** Gives up the lock this editor holds, if it holds one, and forgets the order it edited. */
    private void letGo() {
        session.release();
        draft = null;
    }

    /** A reused editor about to show another order: nothing of the previous one may stay active. */
    private void clearPage() {
        hold.clear();
        getElement().removeAttribute("unsaved");
    }

    private static String sessionId() {
        return VaadinSession.getCurrent().getSession().getId();
    }

    private long orderId() {
        return session.lock().map(EditLock::orderId).orElseThrow();
    }

    private String orderName() {
        return EditorTexts.orderName(session);
    }

    OrderForm form() {
        return Objects.requireNonNull(draft).form();
    }
}
