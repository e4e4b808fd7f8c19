package org.orderdesk.order.ui;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/** "Discard unsaved changes?" before the clerk leaves the editor; keeping on editing is the way out. */
final class DiscardChangesDialog extends ConfirmDialog {

    DiscardChangesDialog(String orderName, Runnable discard) {
        super(
                "Discard unsaved changes?",
                "Your changes to " + orderName + " are not saved. Leave and discard them?",
                "Discard changes",
                confirmed -> discard.run());
        setCancelable(true);
        setCancelText("Keep editing");
        setConfirmButtonTheme("error primary");
    }
}
