package org.orderdesk.bench.locks;

import org.orderdesk.lock.AcquireOutcome;
import org.orderdesk.lock.LockHolder;
import org.orderdesk.lock.LockService;
import org.orderdesk.lock.ResourceId;

/** Acquire and release as every editor does them: through {@link LockService}. */
final class EngineHolds implements HoldPath {

    private final LockService locks;

    EngineHolds(LockService locks) {
        this.locks = locks;
    }

    @Override
    public String name() {
        return "LockService";
    }

    @Override
    public long acquire(long orderId, LockHolder holder) {
        return locks.acquire(ResourceId.order(orderId), holder) instanceof AcquireOutcome.Acquired acquired
                ? acquired.token()
                : -1;
    }

    @Override
    public void release(long orderId, LockHolder holder, long token) {
        if (!locks.release(ResourceId.order(orderId), holder.holderKey(), token)) {
            throw new IllegalStateException("lost the lock of order " + orderId);
        }
    }
}
