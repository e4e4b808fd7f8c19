package org.orderdesk.lock;

/**
 * How the lock engine learns whether someone may take over or break other people's locks. The
 * engine asks on every privileged operation instead of trusting what a caller's view showed;
 * whoever keeps the user accounts answers.
 */
public interface SupervisorCheck {

    /** Whether {@code username} is an enabled supervisor now. */
    boolean isSupervisor(String username);
}
