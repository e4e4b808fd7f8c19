package org.orderdesk.security;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is signed in on the current request, for views and for services that must decide for
 * themselves rather than trust a name handed to them by a view.
 */
@Component
public class SignedInUser {

    private final UserAccountService accounts;

    SignedInUser(UserAccountService accounts) {
        this.accounts = accounts;
    }

    public Optional<AppUserDetails> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof AppUserDetails user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    /** @throws AccessDeniedException when nobody is signed in */
    public AppUserDetails require() {
        return find().orElseThrow(() -> new AccessDeniedException("Nobody is signed in"));
    }

    public String displayName() {
        return require().getDisplayName();
    }

    /**
     * Whether the signed-in user is a supervisor now, by the same account check the lock engine
     * makes before a privileged operation: a view offers exactly what the engine will allow.
     */
    public boolean isSupervisor() {
        return find().map(user -> accounts.isSupervisor(user.getUsername())).orElse(false);
    }
}
