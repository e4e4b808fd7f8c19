package org.orderdesk.lock;

import org.jspecify.annotations.Nullable;

/**
 * Narrows the audit trail to one resource and/or one user (as holder or as actor); nulls mean
 * "any".
 */
public record AuditFilter(
        @Nullable ResourceId resource, @Nullable String username) {

    public static final AuditFilter ALL = new AuditFilter(null, null);

    public static AuditFilter order(long orderId) {
        return new AuditFilter(ResourceId.order(orderId), null);
    }

    public static AuditFilter user(String username) {
        return new AuditFilter(null, username);
    }
}
