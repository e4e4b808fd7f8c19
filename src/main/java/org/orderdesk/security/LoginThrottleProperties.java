package org.orderdesk.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in throttling ({@code orderdesk.login.*}): how many failed sign-ins lock a username or a
 * client address, and for how long. Checked when the application starts.
 *
 * @param maxFailuresPerUsername failed sign-ins for one username, from any address, that lock it
 * @param maxFailuresPerAddress failed sign-ins from one client address, for any usernames, that lock it
 * @param lockDuration how long a lock lasts; failures below a limit are forgotten this long after the last one
 */
@ConfigurationProperties("orderdesk.login")
public record LoginThrottleProperties(
        @DefaultValue("5") int maxFailuresPerUsername,
        @DefaultValue("20") int maxFailuresPerAddress,
        @DefaultValue("15m") Duration lockDuration) {

    private static final String PREFIX = "orderdesk.login.";

    public LoginThrottleProperties {
        List<String> problems = new ArrayList<>();
        if (maxFailuresPerUsername < 1) {
            problems.add(PREFIX + "max-failures-per-username (" + maxFailuresPerUsername + ") must be at least 1");
        }
        if (maxFailuresPerAddress < 1) {
            problems.add(PREFIX + "max-failures-per-address (" + maxFailuresPerAddress + ") must be at least 1");
        }
        if (lockDuration.isNegative() || lockDuration.isZero()) {
            problems.add(PREFIX + "lock-duration ("
                    + lockDuration.toString().substring(2).toLowerCase(Locale.ROOT) + ") must be positive");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid login settings: " + String.join("; ", problems));
        }
    }
}
