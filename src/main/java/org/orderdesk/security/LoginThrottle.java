package org.orderdesk.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per username and per client address, and says when either is locked:
 * the same for usernames that exist and those that do not. A lock lasts {@code lock-duration}
 * from the failure that reached the limit. Kept in memory on each node, bounded: at most {@link
 * #TRACKED} usernames and as many addresses, each forgotten {@code lock-duration} after its last
 * failure.
 */
@Component
class LoginThrottle {

    /** Per kind; tens of megabytes at most, and a guessing script cannot push them out quickly. */
    static final int TRACKED = 50_000;

    /** Longer names cannot be signed in with (usernames have at most 50 characters). */
    private static final int KEY_LENGTH = 50;

    private record Failures(int count, Instant last) {}

    private final LoginThrottleProperties settings;
    private final Clock clock;
    private final Cache<String, Failures> byUsername;
    private final Cache<String, Failures> byAddress;

    LoginThrottle(LoginThrottleProperties settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.byUsername = failures();
        this.byAddress = failures();
    }

    /** Why a sign-in as {@code username} from {@code address} is refused right now, if it is. */
    Optional<LoginThrottledException> refusal(String username, @Nullable String address) {
        Instant now = clock.instant();
        Optional<Duration> usernameLocked =
                lockedFor(byUsername, usernameKey(username), settings.maxFailuresPerUsername(), now);
        if (usernameLocked.isPresent()) {
            return usernameLocked.map(LoginThrottledException::forUsername);
        }
        return address == null
                ? Optional.empty()
                : lockedFor(byAddress, address, settings.maxFailuresPerAddress(), now)
                        .map(LoginThrottledException::forAddress);
    }

    void failed(String username, @Nullable String address) {
        Instant now = clock.instant();
        count(byUsername, usernameKey(username), now);
        if (address != null) {
            count(byAddress, address, now);
        }
    }

    /** The username starts again from no failures; its address does not (it may be guessing many usernames). */
    void succeeded(String username) {
        byUsername.invalidate(usernameKey(username));
    }

    private Optional<Duration> lockedFor(Cache<String, Failures> failures, String key, int limit, Instant now) {
        Failures recorded = failures.getIfPresent(key);
        if (recorded == null || recorded.count() < limit) {
            return Optional.empty();
        }
        Instant until = recorded.last().plus(settings.lockDuration());
        return now.isBefore(until) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    private static void count(Cache<String, Failures> failures, String key, Instant now) {
        failures.asMap()
                .compute(key, (ignored, recorded) -> new Failures(recorded == null ? 1 : recorded.count() + 1, now));
    }

    private Cache<String, Failures> failures() {
        return Caffeine.newBuilder()
                .maximumSize(TRACKED)
                .expireAfterWrite(settings.lockDuration())
                // The injected clock, so that tests move time instead of waiting.
                .ticker(() -> {
                    Instant now = clock.instant();
                    return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
                })
                .build();
    }

    /** "Alice" and "alice " count as "alice": no way around the limit by spelling a name differently. */
    private static String usernameKey(String username) {
        String key = username.strip().toLowerCase(Locale.ROOT);
        return key.length() > KEY_LENGTH ? key.substring(0, KEY_LENGTH) : key;
    }
}
