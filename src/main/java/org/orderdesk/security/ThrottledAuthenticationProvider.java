package org.orderdesk.security;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The login form's password check behind {@link LoginThrottle}: a locked username or address is
 * refused before the password is looked at (no BCrypt work for a guessing script), each failed
 * sign-in counts, and a success clears the username's count.
 */
final class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public @Nullable Authentication authenticate(Authentication attempt) {
        String username = attempt.getName();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        Optional<LoginThrottledException> refused = throttle.refusal(username, address);
        if (refused.isPresent()) {
            throw refused.get();
        }
        Authentication signedIn;
        try {
            signedIn = passwords.authenticate(attempt);
        } catch (InternalAuthenticationServiceException unavailable) {
            // The user store failed, not the person signing in.
            throw unavailable;
        } catch (AuthenticationException failed) {
            throttle.failed(username, address);
            // The failure that reaches a limit says so at once.
            Optional<LoginThrottledException> nowLocked = throttle.refusal(username, address);
            throw nowLocked.isPresent() ? nowLocked.get() : failed;
        }
        if (signedIn != null) {
            throttle.succeeded(username);
        }
        return signedIn;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }
}
