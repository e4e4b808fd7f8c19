package org.orderdesk.lock;

/**
 * Who holds or asks for a lock: a user and a holder key naming one editor instance (one browser
 * tab), so that the same clerk in a second tab is told apart from the first.
 */
public record LockHolder(LockUser user, String holderKey) {

    public static final int HOLDER_KEY_MAX_LENGTH = 64;

    public LockHolder {
        if (holderKey.isBlank() || holderKey.length() > HOLDER_KEY_MAX_LENGTH) {
            throw new IllegalArgumentException("Holder key must be 1 to " + HOLDER_KEY_MAX_LENGTH + " characters");
        }
    }

    public LockHolder(String username, String displayName, String holderKey) {
        this(new LockUser(username, displayName), holderKey);
    }

    public String username() {
        return user.username();
    }

    public String displayName() {
        return user.displayName();
    }

    boolean isSameUser(LockHolder other) {
        return username().equals(other.username());
    }
}
