package org.orderdesk.lock;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The Locks view's one service: every live lock with the name people know its resource by,
 * breaking a lock with a reason, and the audit trail. The acting supervisor is the signed-in
 * user, never a caller's word, and the lock engine checks the role again in the database.
 */
@Service
public class LockAdministration {

    /** A live lock and the name of what it protects ("OD-000042"). */
    public record LiveLock(LockInfo lock, String resourceName) {}

    /** An audit entry and the name of the resource it is about. */
    public record AuditLine(LockAuditEntry entry, String resourceName) {}

    private final LockService locks;
    private final LockBreaks breaks;
    private final LockAuditTrail audit;
    private final ResourceNames names;
    private final LockUserDirectory users;

    LockAdministration(
            LockService locks, LockBreaks breaks, LockAuditTrail audit, ResourceNames names, LockUserDirectory users) {
        this.locks = locks;
        this.breaks = breaks;
        this.audit = audit;
        this.names = names;
        this.users = users;
    }

    /** The live locks now, oldest first, named in one look-up. */
    public List<LiveLock> liveLocks() {
        List<LockInfo> live = locks.currentLocks();
        Map<ResourceId, String> named =
                namesOf(live.stream().map(LockInfo::resource).toList());
        return live.stream()
                .map(lock -> new LiveLock(lock, named.get(lock.resource())))
                .toList();
    }

    /**
     * A name for each of {@code resources}, in one look-up; a resource that no longer exists keeps
     * the engine's name for it ("order 42").
     */
    public Map<ResourceId, String> namesOf(Collection<ResourceId> resources) {
        Map<ResourceId, String> found = names.namesOf(resources);
        Map<ResourceId, String> named = new HashMap<>();
        resources.forEach(resource -> named.put(resource, found.getOrDefault(resource, resource.toString())));
        return named;
    }

    /** The resource a supervisor typed the name of ("OD-000042", "42"), for the audit filter. */
    public Optional<ResourceId> findResource(String typedName) {
        return names.find(typedName);
    }

    /**
     * Ends the hold of {@code token} on {@code resource}, the one the supervisor saw, in the
     * signed-in supervisor's name; its holder is told at once who broke it and why, and keeps
     * their unsaved changes.
     *
     * @return false when that hold had already ended (released, expired, or taken by someone else)
     * @throws AccessDeniedException when the signed-in user is not a supervisor
     * @throws IllegalArgumentException when the reason is blank or too long
     */
    public boolean breakLock(ResourceId resource, long token, String reason) {
        return breaks.breakLock(resource, token, users.signedIn(), reason);
    }

    /** One page of the audit trail, newest first, each entry with its resource's name. */
    public List<AuditLine> auditTrail(AuditFilter filter, Pageable page) {
        List<LockAuditEntry> entries = audit.entries(filter, page);
        Map<ResourceId, String> named = namesOf(
                entries.stream().map(LockAuditEntry::resource).distinct().toList());
        return entries.stream()
                .map(entry -> new AuditLine(entry, named.get(entry.resource())))
                .toList();
    }

    public long countAuditTrail(AuditFilter filter) {
        return audit.count(filter);
    }

    /** Everyone whose locks the audit trail may show, by the name shown. */
    public List<LockUser> people() {
        return users.everyone();
    }
}
