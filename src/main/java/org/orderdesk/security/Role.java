package org.orderdesk.security;

/** What a signed-in user may do. Spring Security sees these as {@code ROLE_CLERK} and {@code ROLE_SUPERVISOR}. */
public enum Role {
    CLERK,
    SUPERVISOR;

    /** For annotations such as {@code @RolesAllowed}, which need a constant. */
    public static final String SUPERVISOR_ROLE = "SUPERVISOR";

    public String authority() {
        return "ROLE_" + name();
    }
}
