package org.orderdesk.lock;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The rules of the privileged operations (taking over and breaking other people's locks): the
 * actor must be a supervisor by the user accounts now, and must give a reason of a bounded length.
 */
@Component
class Privileges {

    private final SupervisorCheck supervisors;

    Privileges(SupervisorCheck supervisors) {
        this.supervisors = supervisors;
    }

    /** Whether {@code user} is a supervisor by the user accounts now. */
    boolean isSupervisor(LockUser user) {
        return supervisors.isSupervisor(user.username());
    }

    /** @throws AccessDeniedException when {@code user} is not a supervisor, whatever the caller's view showed */
    void requireSupervisor(LockUser user, String action) {
        if (!supervisors.isSupervisor(user.username())) {
            throw new AccessDeniedException(user.displayName() + " may not " + action + ": only supervisors may");
        }
    }

    /** The reason, trimmed. @throws IllegalArgumentException when it is blank or too long */
    static String requireReason(@Nullable String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("A reason is required");
        }
        String trimmed = reason.strip();
        if (trimmed.length() > LockTakeOvers.REASON_MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "The reason is limited to " + LockTakeOvers.REASON_MAX_LENGTH + " characters");
        }
        return trimmed;
    }
}
