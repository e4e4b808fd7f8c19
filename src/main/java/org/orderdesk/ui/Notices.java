package org.orderdesk.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/**
 * Short messages shown as notifications that belong to a view: added to it, so that they leave
 * with it, and removed from it once closed.
 */
public final class Notices {

    private static final int SHOWN_FOR_MS = 5000;

    private Notices() {}

    /** A message that closes by itself. */
    public static Notification show(HasComponents owner, String text, NotificationVariant variant) {
        Notification notice = new Notification(text, SHOWN_FOR_MS, Notification.Position.BOTTOM_START);
        notice.addThemeVariants(variant);
        return open(owner, notice);
    }

    /**
     * A message that stays until the clerk acts on it or closes it, with {@code actions} beside
     * the text; each action closes it as well.
     */
    public static Notification ask(HasComponents owner, String className, String text, Button... actions) {
        return ask(owner, className, new Span(text), actions);
    }

    /** As {@link #ask(HasComponents, String, String, Button...)}, with a message that is more than text. */
    public static Notification ask(HasComponents owner, String className, Component message, Button... actions) {
        Notification notice = new Notification();
        for (Button action : actions) {
            action.addClickListener(click -> notice.close());
        }
        return stay(owner, notice, className, message, actions);
    }

    /**
     * Shows {@code notice} as a message that stays until the clerk closes it, with {@code actions}
     * (buttons, a field) beside the text; they close it only if they do so themselves, for an
     * action that may be refused and should leave the notice open with the reason.
     */
    public static Notification stay(
            HasComponents owner, Notification notice, String className, Component message, Component... actions) {
        notice.addClassName(className);
        notice.setDuration(0);
        notice.setPosition(Notification.Position.TOP_END);
        notice.getElement().setAttribute("role", "alert");
        Button dismiss = new Button(VaadinIcon.CLOSE_SMALL.create(), click -> notice.close());
        dismiss.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        dismiss.setAriaLabel("Close");
        HorizontalLayout content = new HorizontalLayout(message);
        content.add(actions);
        content.add(dismiss);
        content.setAlignItems(FlexComponent.Alignment.CENTER);
        notice.add(content);
        return open(owner, notice);
    }

    private static Notification open(HasComponents owner, Notification notice) {
        owner.add(notice);
        notice.addOpenedChangeListener(change -> {
            if (!change.isOpened()) {
                owner.remove(notice);
            }
        });
        notice.open();
        return notice;
    }
}
