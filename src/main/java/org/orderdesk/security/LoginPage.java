package org.orderdesk.security;

import com.vaadin.flow.component.Component;

/** The view that signs users in, and where a user goes after logging out; declared by the view's package as a bean. */
public record LoginPage(Class<? extends Component> view, String afterLogout) {}
