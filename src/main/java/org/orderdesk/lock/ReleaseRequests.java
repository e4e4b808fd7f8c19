package org.orderdesk.lock;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Asking the holder of a lock to release it, and the holder's answer: an event for the holder,
 * then one for the requester; nothing changes about the lock unless the holder releases it.
 */
@Service
public class ReleaseRequests {

    /** The longest message a holder may send with an answer. */
    public static final int MESSAGE_MAX_LENGTH = 200;

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

    /**
     * The holder of the hold of {@code token} ({@code holder} by their holder key) answers the
     * request of {@code requester}: {@link ReleaseAnswer#MORE_TIME} also schedules a reminder for
     * the holder after {@code release-more-time}; {@link ReleaseAnswer#NOT_NOW} cancels one. The
     * answer is audited and published to the requester on every node.
     *
     * @param message a short message for the requester; blank means none
     * @return false, and nothing happens, when that hold has ended or the requester did not ask
     *     during it
     * @throws IllegalArgumentException when the message is longer than {@link #MESSAGE_MAX_LENGTH}
     */
    public boolean answer(
            ResourceId resource,
            LockHolder holder,
            long token,
            LockUser requester,
            ReleaseAnswer answer,
            @Nullable String message) {
        String said = message == null || message.isBlank() ? null : message.strip();
        if (said != null && said.length() > MESSAGE_MAX_LENGTH) {
            throw new IllegalArgumentException("The message is limited to " + MESSAGE_MAX_LENGTH + " characters");
        }
        return steps.atomically(() -> {
            Instant now = steps.now();
            Optional<LockInfo> held = store.findForUpdate(resource)
                    .filter(lock -> lock.token() == token && lock.isLive(now))
                    .filter(lock -> lock.holder().holderKey().equals(holder.holderKey()))
                    .filter(lock -> store.lastReleaseRequest(resource, requester.username())
                            .filter(asked -> !asked.isBefore(lock.acquiredAt()))
                            .isPresent());
            if (held.isEmpty()) {
                return false;
            }
            LockInfo lock = held.get();
            boolean moreTime = answer == ReleaseAnswer.MORE_TIME;
            if (moreTime) {
                store.scheduleReminder(token, requester, now.plus(settings.releaseMoreTime()));
            } else {
                store.cancelReminder(token, requester.username());
            }
            steps.audit(answer.audited(), lock, lock.holder().user(), auditReason(requester, said), now);
            steps.publish(new LockEvent.ReleaseAnswered(
                    resource,
                    lock.holder(),
                    token,
                    requester,
                    answer,
                    moreTime ? settings.releaseMoreTime() : null,
                    said,
                    now));
            return true;
        });
    }

    /** Whom the holder answered, and what they said: the action tells the answer. */
    private static String auditReason(LockUser requester, @Nullable String message) {
        return "To " + requester.displayName() + (message == null ? "" : ": " + message);
    }
}
