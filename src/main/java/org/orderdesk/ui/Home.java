package org.orderdesk.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouterLink;

/** The way back to the start page, for views that do not know which view that is. */
public final class Home {

    private Home() {}

    /** A link to the view at the empty path, under its own route. */
    public static RouterLink link(String text) {
        Class<? extends Component> home = RouteConfiguration.forSessionScope()
                .getRoute("")
                .orElseThrow(() -> new IllegalStateException("No view at the empty path"));
        return new RouterLink(text, home);
    }
}
