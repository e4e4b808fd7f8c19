package org.orderdesk.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;

/**
 * The app's Log out button: a navigation to the logout view, so that the view being left (an
 * editor with unsaved changes) may ask first, marked so that the logout view logs out at once
 * instead of offering to.
 */
public final class LogoutRequest {

    /** The logout view's route. */
    public static final String PATH = "logout";

    private LogoutRequest() {}

    public static void send(UI ui) {
        ComponentUtil.setData(ui, LogoutRequest.class, new LogoutRequest());
        ui.navigate(PATH);
    }

    /** Whether the app's button asked to log out; the request is used up. */
    public static boolean take(UI ui) {
        boolean requested = ComponentUtil.getData(ui, LogoutRequest.class) != null;
        ComponentUtil.setData(ui, LogoutRequest.class, null);
        return requested;
    }
}
