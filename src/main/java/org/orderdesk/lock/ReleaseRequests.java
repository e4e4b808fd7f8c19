package org.orderdesk.lock;

import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Asking the holder of a lock to release it: an event for the holder, nothing changes unless they do. */
@Service
public class ReleaseRequests {

    private final LockStore store;
    private final LockTransactions steps;
    private final LockProperties settings;

    ReleaseRequests(LockStore store, LockTransactions steps, LockProperties settings) {
        this.store = store;
        this.steps = steps;
        this.settings = settings;
    }

    /**
     * Asks the holder to release. A requester may ask about the same resource once per
     * {@code release-request-interval}, counted from the audit trail, so that every node of a
     * cluster keeps the same limit.
     */
    public ReleaseRequest requestRelease(ResourceId resource, LockUser requester) {
        return steps.atomically(() -> {
            Optional<LockInfo> locked = store.findForUpdate(resource);
            Instant now = steps.now();
            Optional<LockInfo> current = locked.filter(lock -> lock.isLive(now))
                    .filter(lock -> !lock.holder().username().equals(requester.username()));
            if (current.isEmpty()) {
                return new ReleaseRequest.NobodyToAsk();
            }
            LockInfo lock = current.get();
            Optional<Instant> askAgainAt = store.lastReleaseRequest(resource, requester.username())
                    .map(asked -> asked.plus(settings.releaseRequestInterval()))
                    .filter(next -> next.isAfter(now));
            if (askAgainAt.isPresent()) {
                return new ReleaseRequest.TooSoon(lock.holder().user(), askAgainAt.get());
            }
            steps.audit(LockAction.RELEASE_REQUESTED, lock, requester, null, now);
            steps.publish(new LockEvent.ReleaseRequested(resource, lock.holder(), lock.token(), requester, now));
            return new ReleaseRequest.Sent(lock.holder().user());
        });
    }
}
