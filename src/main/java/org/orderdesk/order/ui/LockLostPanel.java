package org.orderdesk.order.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/**
 * Shown when the editor lost its lock: why and to whom, and what the clerk can do with the
 * changes that the form keeps.
 */
final class LockLostPanel extends Div {

    private final Paragraph reason = new Paragraph();
    private final Paragraph outcome = new Paragraph();

    LockLostPanel(Runnable reacquire, Runnable compare, Runnable discard) {
        addClassName("lock-lost");
        getElement().setAttribute("role", "alert");
        reason.addClassName("lock-lost-reason");
        outcome.addClassName("lock-lost-outcome");
        Button again = new Button("Re-acquire and continue", VaadinIcon.LOCK.create(), click -> reacquire.run());
        again.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button diff = new Button("Compare with saved", VaadinIcon.SPLIT.create(), click -> compare.run());
        Button drop = new Button("Discard my changes", VaadinIcon.TRASH.create(), click -> discard.run());
        drop.addThemeVariants(ButtonVariant.LUMO_ERROR);
        add(reason, outcome, new HorizontalLayout(again, diff, drop));
        setVisible(false);
    }

    void show(String why) {
        reason.setText(why);
        outcome.setText("");
        setVisible(true);
    }

    /** The answer to the last action, such as why the lock could not be taken again. */
    void tell(String what) {
        outcome.setText(what);
    }

    void hide() {
        setVisible(false);
    }
}
