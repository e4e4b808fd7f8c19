package org.orderdesk.order.ui;

import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.notification.Notification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.orderdesk.lock.LockUser;
import org.orderdesk.ui.Notices;

/**
 * "Bob asks to edit order OD-000042 — Release now / Keep editing", one notice per requester: a
 * requester asking again replaces their earlier request.
 */
final class ReleaseRequestNotices {

    private final HasComponents host;
    private final Runnable release;
    /** The open notices, by requester. */
    private final Map<String, Notification> open = new HashMap<>();

    /** {@code release} leaves the editor, asking first about unsaved changes. */
    ReleaseRequestNotices(HasComponents host, Runnable release) {
        this.host = host;
        this.release = release;
    }

    void show(LockUser requester, String orderName) {
        close(requester.username());
        Button releaseNow = new Button("Release now", click -> release.run());
        releaseNow.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        Button keepEditing = new Button("Keep editing");
        keepEditing.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Notification request = Notices.ask(
                host,
                "release-request",
                requester.displayName() + " asks to edit " + orderName,
                releaseNow,
                keepEditing);
        open.put(requester.username(), request);
        request.addOpenedChangeListener(change -> {
            if (!change.isOpened()) {
                open.remove(requester.username(), request);
            }
        });
    }

    /** Requests to release a hold that ended mean nothing any more. */
    void closeAll() {
        List.copyOf(open.keySet()).forEach(this::close);
    }

    private void close(String requester) {
        Notification earlier = open.remove(requester);
        if (earlier != null) {
            earlier.close();
        }
    }
}
