package org.orderdesk.security;

import java.io.Serial;
import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in refused without looking at the password: too many failed sign-ins for the username,
 * or from the client's address. Its message is the one the login page shows.
 */
public final class LoginThrottledException extends AuthenticationException {

    @Serial
    private static final long serialVersionUID = 1L;

    private LoginThrottledException(String message) {
        super(message);
    }

    public static LoginThrottledException forUsername(Duration left) {
        return new LoginThrottledException(
                "Too many failed sign-ins for this username. Try again in " + minutes(left) + ".");
    }

    public static LoginThrottledException forAddress(Duration left) {
        return new LoginThrottledException(
                "Too many failed sign-ins from your network address. Try again in " + minutes(left) + ".");
    }

    /** Whole minutes, rounded up: "1 minute" while any time is left. */
    private static String minutes(Duration left) {
        long minutes = Math.max(1, (left.toSeconds() + 59) / 60);
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }
}
