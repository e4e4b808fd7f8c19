package org.orderdesk.order.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/** Save (also Ctrl+S), Save & close, and Cancel (also Escape), below the editor's form. */
final class EditorActions extends HorizontalLayout {

    private final Button save;
    private final Button saveAndClose;

    EditorActions(Runnable save, Runnable saveAndClose, Runnable cancel) {
        addClassName("editor-actions");
        this.save = new Button("Save", VaadinIcon.CHECK.create(), click -> save.run());
        this.saveAndClose = new Button("Save & close", click -> saveAndClose.run());
        Button close = new Button("Cancel", click -> cancel.run());
        this.save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        this.save.addClickShortcut(Key.KEY_S, KeyModifier.CONTROL).resetFocusOnActiveElement();
        close.addClickShortcut(Key.ESCAPE);
        add(this.save, this.saveAndClose, close);
    }

    /** Saving needs the lock; Cancel always works. */
    void allowSaving(boolean allowed) {
        save.setEnabled(allowed);
        saveAndClose.setEnabled(allowed);
    }
}
