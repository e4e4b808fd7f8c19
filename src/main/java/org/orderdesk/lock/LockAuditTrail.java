package org.orderdesk.lock;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/**
 * Reading the audit trail: one row per change (a hold's renewals are counted on its row), newest
 * first, filtered by resource and by user. Paged and counted apart, so that a lazy grid counts
 * once per filter rather than once per page.
 */
@Service
public class LockAuditTrail {

    private final LockStore store;

    LockAuditTrail(LockStore store) {
        this.store = store;
    }

    /** One page of the entries that pass {@code filter}, newest first. */
    public List<LockAuditEntry> entries(AuditFilter filter, Pageable page) {
        return store.findAudit(filter, page.getOffset(), page.getPageSize());
    }

    /** How many entries pass {@code filter}. */
    public long count(AuditFilter filter) {
        return store.countAudit(filter);
    }
}
