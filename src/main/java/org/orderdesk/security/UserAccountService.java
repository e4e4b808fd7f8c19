package org.orderdesk.security;

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

    @Transactional(readOnly = true)
    public boolean hasUsers() {
        return users.count() > 0;
    }
}
