package org.orderdesk.security;

import java.util.List;
import org.orderdesk.lock.LockUser;
import org.orderdesk.lock.LockUserDirectory;
import org.orderdesk.lock.SupervisorCheck;
import org.springframework.stereotype.Component;

/**
 * The user accounts as the lock engine needs them: roles read from the database on every
 * privileged lock operation, the signed-in user, and everyone by the name shown.
 */
@Component
class LockUserAccounts implements SupervisorCheck, LockUserDirectory {

    private final UserAccountService accounts;
    private final SignedInUser signedIn;

    LockUserAccounts(UserAccountService accounts, SignedInUser signedIn) {
        this.accounts = accounts;
        this.signedIn = signedIn;
    }

    @Override
    public boolean isSupervisor(String username) {
        return accounts.isSupervisor(username);
    }

    @Override
    public LockUser signedIn() {
        AppUserDetails user = signedIn.require();
        return new LockUser(user.getUsername(), user.getDisplayName());
    }

    @Override
    public List<LockUser> everyone() {
        return accounts.people().stream()
                .map(person -> new LockUser(person.username(), person.displayName()))
                .toList();
    }
}
