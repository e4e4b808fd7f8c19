package org.orderdesk.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.function.Consumer;

/**
 * Asks a supervisor why before a forceful step (taking a lock over, breaking it); the holder is
 * shown the reason. The step runs only with a reason given.
 */
public class ReasonDialog extends Dialog {

    private final TextArea reason = new TextArea("Reason");
    private final Consumer<String> onConfirm;

    /** {@code maxLength}: the longest reason the step accepts. */
    public ReasonDialog(
            String title, String explanation, String confirmText, int maxLength, Consumer<String> onConfirm) {
        this.onConfirm = onConfirm;
        addClassName("reason-dialog");
        setHeaderTitle(title);
        reason.setRequired(true);
        reason.setMaxLength(maxLength);
        reason.setHelperText("The holder sees this");
        reason.setWidthFull();
        reason.setMinHeight("6em");
        add(new Paragraph(explanation), reason);

        Button confirm = new Button(confirmText, click -> confirm());
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        Button cancel = new Button("Cancel", click -> close());
        getFooter().add(cancel, confirm);
        setWidth("28rem");
    }

    @Override
    public void open() {
        super.open();
        reason.focus();
    }

    private void confirm() {
        String given = reason.getValue().strip();
        if (given.isEmpty()) {
            reason.setErrorMessage("Give a reason: the holder sees it");
            reason.setInvalid(true);
            return;
        }
        close();
        onConfirm.accept(given);
    }
}
