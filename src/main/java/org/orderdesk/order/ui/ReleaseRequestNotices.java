package org.orderdesk.order.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.orderdesk.lock.LockUser;
import org.orderdesk.lock.ReleaseAnswer;
import org.orderdesk.lock.ReleaseRequests;
import org.orderdesk.ui.Notices;

/**
 * "Bob asks to edit order OD-000042 — Release now / Give me 5 minutes / Not now", with an optional
 * short message for Bob, one notice per requester: a requester asking again replaces their earlier
 * request. Once the more time asked for has passed without a release, "Time is up: Bob still waits…" reminds the holder.
 */
final class ReleaseRequestNotices {

    /** Sends the holder's answer; false when the request no longer stands. */
    interface Answers {
        /** @throws IllegalArgumentException when the message is not acceptable, saying why */
        boolean answer(LockUser requester, ReleaseAnswer answer, String message);
    }

    private final HasComponents host;
    private final Runnable release;
    private final Answers answers;
    /** How much more time the holder may ask for. */
    private final Duration moreTime;
    /** The open notices, by requester. */
    private final Map<String, Notification> open = new HashMap<>();

    /** {@code release} leaves the editor, asking first about unsaved changes. */
    ReleaseRequestNotices(HasComponents host, Runnable release, Answers answers, Duration moreTime) {
        this.host = host;
        this.release = release;
        this.answers = answers;
        this.moreTime = moreTime;
    }

    void show(LockUser requester, String orderName) {
        Notification request = new Notification();
        TextField message = new TextField();
        message.setPlaceholder("Message (optional)");
        message.setAriaLabel("Message to " + requester.displayName());
        message.setMaxLength(ReleaseRequests.MESSAGE_MAX_LENGTH);
        message.addClassName("release-answer-message");
        Button releaseNow = new Button("Release now", click -> {
            request.close();
            release.run();
        });
        releaseNow.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        Button later = new Button(
                "Give me " + ReleaseAnswerTexts.minutes(moreTime),
                click -> answer(request, requester, ReleaseAnswer.MORE_TIME, message));
        later.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Button notNow = new Button("Not now", click -> answer(request, requester, ReleaseAnswer.NOT_NOW, message));
        notNow.addThemeVariants(ButtonVariant.LUMO_SMALL);
        // Enter in the message field answers "Not now" with it; either answer carries the message.
        message.addKeyPressListener(Key.ENTER, enter -> answer(request, requester, ReleaseAnswer.NOT_NOW, message));
        open(
                requester,
                request,
                "release-request",
                requester.displayName() + " asks to edit " + orderName,
                releaseNow,
                later,
                message,
                notNow);
    }

    /** The more time asked of {@code requester} has passed: asks the holder again to let go. */
    void remind(LockUser requester, String orderName) {
        Notification reminder = new Notification();
        Button releaseNow = new Button("Release now", click -> {
            reminder.close();
            release.run();
        });
        releaseNow.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        Button keepEditing = new Button("Keep editing", click -> reminder.close());
        keepEditing.addThemeVariants(ButtonVariant.LUMO_SMALL);
        open(
                requester,
                reminder,
                "release-reminder",
                "Time is up: " + requester.displayName() + " still waits to edit " + orderName + " (you asked for "
                        + ReleaseAnswerTexts.moreMinutes(moreTime) + ")",
                releaseNow,
                keepEditing);
    }

    /** Requests to release a hold that ended mean nothing any more. */
    void closeAll() {
        List.copyOf(open.keySet()).forEach(this::close);
    }

    /**
     * Sends the answer and closes the notice; a message the server refuses stays in its field
     * with the reason, and the notice stays open.
     */
    private void answer(Notification request, LockUser requester, ReleaseAnswer answer, TextField message) {
        boolean answered;
        try {
            answered = answers.answer(requester, answer, message.getValue());
        } catch (IllegalArgumentException refused) {
            message.setErrorMessage(refused.getMessage());
            message.setInvalid(true);
            return;
        }
        request.close();
        String name = requester.displayName();
        if (!answered) {
            Notices.show(host, name + "'s request no longer stands", NotificationVariant.LUMO_CONTRAST);
        } else if (answer == ReleaseAnswer.MORE_TIME) {
            Notices.show(
                    host,
                    name + " is told you need about " + ReleaseAnswerTexts.moreMinutes(moreTime),
                    NotificationVariant.LUMO_SUCCESS);
        } else {
            Notices.show(host, name + " is told: not now", NotificationVariant.LUMO_SUCCESS);
        }
    }

    /** Stays until the holder acts or closes it; replaces the requester's earlier notice. */
    private void open(LockUser requester, Notification notice, String className, String text, Component... actions) {
        close(requester.username());
        open.put(requester.username(), notice);
        notice.addOpenedChangeListener(change -> {
            if (!change.isOpened()) {
                open.remove(requester.username(), notice);
            }
        });
        Notices.stay(host, notice, className, new Span(text), actions);
    }

    private void close(String requester) {
        Notification earlier = open.remove(requester);
        if (earlier != null) {
            earlier.close();
        }
    }
}
