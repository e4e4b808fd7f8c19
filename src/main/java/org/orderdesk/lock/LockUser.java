package org.orderdesk.lock;

/** A person as the lock engine knows them: the login name and the name other clerks see. */
public record LockUser(String username, String displayName) {

    public LockUser {
        if (username.isBlank()) {
            throw new IllegalArgumentException("Username is required");
        }
        if (displayName.isBlank()) {
            throw new IllegalArgumentException("Display name is required");
        }
    }
}
