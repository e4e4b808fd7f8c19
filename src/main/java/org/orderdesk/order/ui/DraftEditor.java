package org.orderdesk.order.ui;

import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.Optional;
import org.orderdesk.order.EditSession;
import org.orderdesk.order.EditSession.SaveOutcome;
import org.orderdesk.order.Order;
import org.orderdesk.order.OrderDraft;
import org.orderdesk.ui.Notices;

/**
 * The form of the order an edit session holds, and the draft it was loaded or last saved as: it
 * tells unsaved changes (marking the editor so that closing the tab asks), saves under the
 * session's lock saying how that went, and compares the clerk's values with what is saved now.
 */
final class DraftEditor {

    private final HasComponents editor;
    private final EditSession session;
    private final OrderForm form;
    private OrderDraft original;

    DraftEditor(HasComponents editor, EditSession session, Order order) {
        this.editor = editor;
        this.session = session;
        this.original = OrderDraft.of(order);
        this.form = new OrderForm(original.copy(), this::changed);
    }

    OrderForm form() {
        return form;
    }

    boolean hasUnsavedChanges() {
        return !form.draft().equals(original) || form.hasInvalidInput();
    }

    /**
     * Saves when the form is valid and the session holds the lock; says how it went. While the
     * hold is unconfirmed, says that saving waits for the database.
     */
    boolean save() {
        if (!session.holding() && !session.unconfirmed()) {
            return false;
        }
        session.activity();
        if (!form.validate()) {
            EditorTexts.notify("Fix the marked fields, then save again", NotificationVariant.LUMO_ERROR);
            return false;
        }
        switch (session.save(form.draft())) {
            case SaveOutcome.Saved saved -> {
                original = OrderDraft.of(saved.order());
                form.edit(original.copy());
                changed();
                EditorTexts.notify("Saved " + orderName(), NotificationVariant.LUMO_SUCCESS);
                return true;
            }
            // The session reported the loss, and the editor shows it.
            case SaveOutcome.LockLost lost -> {}
            case SaveOutcome.OrderChanged changed ->
                EditorTexts.notify(EditorTexts.changed(changed.changed(), orderName()), NotificationVariant.LUMO_ERROR);
            case SaveOutcome.Invalid invalid -> {
                form.markInvalid(invalid.refused().values());
                EditorTexts.notify(
                        "Could not save: "
                                + invalid.refused().values().getFirst().describe()
                                + ". Fix the marked fields, then save again",
                        NotificationVariant.LUMO_ERROR);
            }
            // The values stay in the form; the status says when saving works again.
            case SaveOutcome.Unconfirmed refused ->
                EditorTexts.notify(EditorTexts.DATABASE_LOST, NotificationVariant.LUMO_ERROR);
            // Stays until the clerk closes it: the values are only safe once they are saved.
            case SaveOutcome.Failed failed ->
                Notices.ask(editor, "save-failed", failed.failed().getMessage());
        }
        return false;
    }

    /** Mine, as loaded, and as saved now, side by side. */
    void compareWith(Optional<Order> saved) {
        saved.map(now -> OrderComparison.compare(form.draft(), original, OrderDraft.of(now)))
                .ifPresent(rows -> new CompareDialog(orderName(), rows, form.hasInvalidInput()).open());
    }

    /** A value changed: the clerk is at work, whatever the browser last reported. */
    private void changed() {
        session.activity();
        editor.getElement().setAttribute("unsaved", hasUnsavedChanges());
    }

    private String orderName() {
        return EditorTexts.orderName(session);
    }
}
