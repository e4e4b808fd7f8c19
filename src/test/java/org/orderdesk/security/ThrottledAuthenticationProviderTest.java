package org.orderdesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.orderdesk.TestClock;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** While a username or address is locked, the password is not even checked: no BCrypt work for a guessing script. */
class ThrottledAuthenticationProviderTest {

    private final TestClock clock = new TestClock();
    private final CountingEncoder bcrypt = new CountingEncoder(new BCryptPasswordEncoder(4));
    private final ThrottledAuthenticationProvider provider = provider();

    @Test
    void whileTheUsernameIsLockedEvenTheRightPasswordIsRefusedWithoutBeingChecked() {
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> provider.authenticate(attempt("alice", "guess", "10.0.0.1")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> provider.authenticate(attempt("alice", "guess", "10.0.0.1")))
                .isInstanceOf(LoginThrottledException.class);
        int checked = bcrypt.matches.get();

        assertThatThrownBy(() -> provider.authenticate(attempt("alice", "alice", "10.0.0.2")))
                .isInstanceOf(LoginThrottledException.class)
                .hasMessage("Too many failed sign-ins for this username. Try again in 15 minutes.");
        assertThat(bcrypt.matches.get()).as("passwords checked while locked").isEqualTo(checked);

        clock.advance(Duration.ofMinutes(15));
        assertThat(provider.authenticate(attempt("alice", "alice", "10.0.0.2")).isAuthenticated())
                .isTrue();
    }

    @Test
    void whileTheAddressIsLockedNoPasswordFromItIsChecked() {
        for (int i = 0; i < 20; i++) {
            String username = "user-" + i;
            assertThatThrownBy(() -> provider.authenticate(attempt(username, "guess", "10.0.0.3")))
                    .isInstanceOf(i < 19 ? BadCredentialsException.class : LoginThrottledException.class);
        }
        int checked = bcrypt.matches.get();

        assertThatThrownBy(() -> provider.authenticate(attempt("alice", "alice", "10.0.0.3")))
                .hasMessage("Too many failed sign-ins from your network address. Try again in 15 minutes.");
        assertThat(bcrypt.matches.get()).isEqualTo(checked);
    }

    @Test
    void theSpellingOfTheUsernameDoesNotGetAroundTheLimit() {
        for (String spelling : new String[] {"alice", "Alice", "ALICE", " alice", "alice "}) {
            assertThatThrownBy(() -> provider.authenticate(attempt(spelling, "guess", "10.0.0.4")));
        }

        assertThatThrownBy(() -> provider.authenticate(attempt("alice", "alice", "10.0.0.4")))
                .isInstanceOf(LoginThrottledException.class);
    }

    private ThrottledAuthenticationProvider provider() {
        var users = new InMemoryUserDetailsManager(User.withUsername("alice")
                .password(bcrypt.encode("alice"))
                .roles("CLERK")
                .build());
        var passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(bcrypt);
        var throttle = new LoginThrottle(new LoginThrottleProperties(5, 20, Duration.ofMinutes(15)), clock);
        return new ThrottledAuthenticationProvider(passwords, throttle);
    }

    /** What the login form's filter hands over: the name, the password and the client's address. */
    private static Authentication attempt(String username, String password, String address) {
        var attempt = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        attempt.setDetails(new WebAuthenticationDetails(address, null));
        return attempt;
    }

    /** BCrypt, counting how often a password is checked against a hash. */
    private record CountingEncoder(PasswordEncoder bcrypt, AtomicInteger matches) implements PasswordEncoder {

        CountingEncoder(PasswordEncoder bcrypt) {
            this(bcrypt, new AtomicInteger());
        }

        @Override
        public String encode(CharSequence rawPassword) {
            return bcrypt.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            matches.incrementAndGet();
            return bcrypt.matches(rawPassword, encodedPassword);
        }
    }
}
