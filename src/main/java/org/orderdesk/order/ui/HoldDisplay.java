package org.orderdesk.order.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.function.Consumer;
import org.orderdesk.lock.LockLoss;
import org.orderdesk.order.EditSession;
import org.orderdesk.order.EditSession.Update;
import org.orderdesk.order.EditStart;
import org.orderdesk.order.InactivityLimit;
import org.orderdesk.order.OrderChangedException;
import org.orderdesk.ui.Formats;

/**
 * Shows an edit session's hold around the form: the status bar and the browser's heartbeat while
 * holding (and while the hold is unconfirmed, saying so), the expiry warning and release requests (with their answers and reminders) while they concern the hold, and the lost-lock
 * panel with its ways on once it is lost.
 */
final class HoldDisplay {

    private final Component editor;
    private final EditSession session;
    /** Turns the form and the save buttons on or off. */
    private final Consumer<Boolean> editable;

    private final LockHeartbeat heartbeat;
    private final LockStatusBar statusBar = new LockStatusBar();
    private final LockLostPanel lostPanel;
    private final ExpiryWarning expiryWarning;
    private final ReleaseRequestNotices releaseRequests;

    /** {@code close} leaves the editor, asking first about unsaved changes. */
    <E extends Component & HasComponents> HoldDisplay(
            E editor,
            EditSession session,
            Consumer<Boolean> editable,
            Runnable compareWithSaved,
            Runnable discard,
            Runnable close) {
        this.editor = editor;
        this.session = session;
        this.editable = editable;
        this.heartbeat = new LockHeartbeat(editor);
        this.lostPanel = new LockLostPanel(this::reacquire, compareWithSaved, discard);
        this.expiryWarning = new ExpiryWarning(this::keepEditing, close);
        this.releaseRequests = new ReleaseRequestNotices(
                editor, close, session::answer, session.settings().releaseMoreTime());
        // Anywhere in the page while the editor is shown, also from inside a field of the form.
        Shortcuts.addShortcutListener(
                editor, this::keepEditing, ExpiryWarning.SHORTCUT_KEY, ExpiryWarning.SHORTCUT_MODIFIER);
    }

    void show(Update update) {
        switch (update) {
            case Update.Held held -> {
                lostPanel.hide();
                editable.accept(true);
                statusBar.showHeld(held.lock().expiresAt(), held.remaining(), inactivityLimit());
                if (editor.isAttached()) {
                    startHeartbeat();
                }
            }
            case Update.Renewed renewed -> {
                statusBar.showHeld(renewed.lock().expiresAt(), renewed.remaining(), inactivityLimit());
                heartbeat.rebase(renewed.remaining());
                expiryWarning.close();
            }
            case Update.Unconfirmed unconfirmed -> showUnconfirmed();
            case Update.Reconfirmed reconfirmed -> {
                lostPanel.hide();
                editable.accept(true);
                statusBar.showHeld(reconfirmed.lock().expiresAt(), reconfirmed.remaining(), inactivityLimit());
                if (editor.isAttached()) {
                    startHeartbeat();
                }
                EditorTexts.notify(EditorTexts.DATABASE_BACK, NotificationVariant.LUMO_SUCCESS);
            }
            case Update.Expiring expiring -> expiryWarning.show(orderName(), expiring.remaining());
            case Update.ReleaseRequested requested -> releaseRequests.show(requested.requester(), orderName());
            case Update.ReleaseReminder reminder -> releaseRequests.remind(reminder.requester(), orderName());
            case Update.Lost lost -> showLost(lost.loss());
            // Leaving, or opening another order, clears the page by itself.
            case Update.Released released -> {}
        }
    }

    /** The editor came (back) into a page: a hold goes on renewing from there. */
    void attached() {
        if (session.holding()) {
            startHeartbeat();
        } else if (session.unconfirmed()) {
            startHeartbeat();
            heartbeat.unconfirmed();
        }
    }

    /** A reused editor about to show another order: nothing of the previous one may stay active. */
    void clear() {
        heartbeat.stop();
        expiryWarning.close();
        releaseRequests.closeAll();
    }

    /**
     * The database does not answer: the status stops claiming the lock, the warning goes (Keep
     * editing could not renew), and the form stays editable, keeping every value.
     */
    private void showUnconfirmed() {
        heartbeat.unconfirmed();
        expiryWarning.close();
        statusBar.showUnconfirmed();
    }

    /** The lock is gone: say why, keep every value, allow nothing that would need the lock. */
    private void showLost(LockLoss lost) {
        heartbeat.lockLost();
        expiryWarning.close();
        releaseRequests.closeAll();
        editable.accept(false);
        statusBar.showLost();
        lostPanel.show(lost.message(orderName()));
    }

    private void startHeartbeat() {
        heartbeat.start(session.lock().orElseThrow(), session.remaining(), session.settings());
    }

    private InactivityLimit inactivityLimit() {
        return InactivityLimit.of(session.settings());
    }

    /**
     * Keep editing, from the warning or by its shortcut: renews at once, and lets the browser go on
     * renewing as if the clerk had typed. The warning lies outside the editor, where the browser
     * does not see the click: the server counts it.
     */
    private void keepEditing() {
        session.keepEditing();
        if (session.holding()) {
            heartbeat.markActive();
        }
    }

    /** Holding again shows by itself; otherwise the panel says why not. */
    private void reacquire() {
        try {
            switch (session.reacquire()) {
                case EditStart.Editing again -> {}
                case EditStart.LockedByOther other ->
                    lostPanel.tell(other.holder().displayName() + " is editing " + orderName() + " until "
                            + Formats.time(other.until()) + ". Your changes stay here meanwhile.");
                case EditStart.ReservedForOther reserved ->
                    lostPanel.tell(orderName() + " is reserved for "
                            + reserved.reservedFor().displayName()
                            + ", whose turn it is, until " + Formats.time(reserved.until())
                            + ". Your changes stay here meanwhile.");
                case EditStart.OpenInOtherTab otherTab ->
                    lostPanel.tell("You are editing " + orderName() + " in another tab.");
                case EditStart.NotFound notFound -> lostPanel.tell(orderName() + " no longer exists.");
            }
        } catch (OrderChangedException changed) {
            lostPanel.tell(EditorTexts.changed(changed, orderName()) + ". Compare with saved to see what changed.");
        }
    }

    private String orderName() {
        return EditorTexts.orderName(session);
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
