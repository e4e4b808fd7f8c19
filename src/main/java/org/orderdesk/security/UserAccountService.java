package org.orderdesk.security;

import java.util.List;
import java.util.Set;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates user accounts; passwords are hashed here and never stored in clear. */
@Service
public class UserAccountService {

    private final AppUserRepository users;
    private final PasswordEncoder passwordEncoder;

    UserAccountService(AppUserRepository users, PasswordEncoder passwordEncoder) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
    }

    @Transactional
    public AppUser create(String username, String displayName, String rawPassword, Set<Role> roles) {
        if (users.findByUsername(username).isPresent()) {
            throw new IllegalArgumentException("User " + username + " already exists");
        }
        return users.save(new AppUser(username, displayName, passwordEncoder.encode(rawPassword), roles));
    }

    /** Whether {@code username} is an enabled supervisor, read from the database rather than trusted from a caller. */
    @Transactional(readOnly = true)
    public boolean isSupervisor(String username) {
        return users.findByUsername(username)
                .filter(AppUser::isEnabled)
                .map(user -> user.getRoles().contains(Role.SUPERVISOR))
                .orElse(false);
    }

    /** Every user, disabled ones too (they still appear in histories), by the name shown. */
    @Transactional(readOnly = true)
    public List<Person> people() {
        return users.findAllPeople();
    }

    @Transactional(readOnly = true)
    public boolean hasUsers() {
        return users.count() > 0;
    }
}
