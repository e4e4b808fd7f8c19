package org.orderdesk.order.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.shared.ui.Transport;
import org.junit.jupiter.api.Test;
import org.orderdesk.Application;

/** Every way out releases the lock; updates come by push, and no listener is left behind. */
class OrderEditorReleaseTest extends EditorTest {

    @Test
    void navigatingAwayReleasesTheLock() {
        edit(501);

        UI.getCurrent().navigate(OrdersView.class);

        assertThat(lockOn(501)).isEmpty();
    }

    @Test
    void openingAnotherOrderInTheSameEditorReleasesTheFirst() {
        edit(502);
        scriptCalls();

        edit(503);

        assertThat(lockOn(502)).isEmpty();
        assertThat(scriptCalls())
                .as("the first order's renewals and beacon stop before the second's start")
                .anySatisfy(call -> assertThat(call).contains("window.orderdesk.lockHeartbeat.stop(this)"));
        assertThat(heldLock(503).holder().user()).isEqualTo(ALICE);
    }

    @Test
    void loggingOutWithUnsavedChangesAsksFirst() {
        edit(532);
        test(notes()).setValue("Not saved yet");

        click("Log out");

        assertThat(test($(ConfirmDialog.class).single()).getHeader()).isEqualTo("Discard unsaved changes?");
        assertThat(getCurrentView()).isInstanceOf(OrderEditorView.class);
        assertThat(lockOn(532)).isPresent();
    }

    @Test
    void anOrphanedUiClosedByTheHeartbeatCheckReleasesTheLock() {
        edit(504);

        // What Vaadin's session cleanup does with a UI whose heartbeats stopped: close, then remove it.
        UI ui = UI.getCurrent();
        ui.close();
        ui.getSession().removeUI(ui);

        assertThat(lockOn(504)).isEmpty();
    }

    @Test
    void vaadinsHeartbeatNoticesAClosedTabWithinMinutes() {
        int heartbeatSeconds =
                VaadinService.getCurrent().getDeploymentConfiguration().getHeartbeatInterval();

        // Vaadin closes a UI after three missed heartbeats.
        assertThat(3 * heartbeatSeconds).isBetween(1, 5 * 60);
    }

    @Test
    void aDetachedEditorLeavesNoListenerBehind() {
        int before = broadcaster.subscriberCount();

        edit(505);
        assertThat(broadcaster.subscriberCount()).isEqualTo(before + 1);
        UI.getCurrent().navigate(OrdersView.class);
        assertThat(broadcaster.subscriberCount()).isEqualTo(before);

        for (int i = 0; i < 20; i++) {
            edit(506 + i);
            UI.getCurrent().navigate(OrdersView.class);
        }
        assertThat(broadcaster.subscriberCount()).isEqualTo(before);
        assertThat(locks.currentLocks()).isEmpty();
    }

    @Test
    void pushIsOnOverWebSocketWithFallback() {
        Push push = Application.class.getAnnotation(Push.class);

        assertThat(push).isNotNull();
        assertThat(push.transport()).isEqualTo(Transport.WEBSOCKET_XHR);
    }
}
