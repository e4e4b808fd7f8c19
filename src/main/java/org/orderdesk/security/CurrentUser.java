package org.orderdesk.security;

import com.vaadin.flow.spring.security.AuthenticationContext;
import org.springframework.stereotype.Component;

/** The user of the current Vaadin session, as the UI needs them. */
@Component
public class CurrentUser {

    private final AuthenticationContext authenticationContext;

    CurrentUser(AuthenticationContext authenticationContext) {
        this.authenticationContext = authenticationContext;
    }

    public AppUserDetails require() {
        return authenticationContext
                .getAuthenticatedUser(AppUserDetails.class)
                .orElseThrow(() -> new IllegalStateException("No signed-in user"));
    }

    public String displayName() {
        return require().getDisplayName();
    }

    public boolean isSupervisor() {
        return authenticationContext.hasRole(Role.SUPERVISOR_ROLE);
    }
}
