package org.orderdesk.lock;

/** A save (or another fenced write) came with a token that no longer holds the lock. */
public class LockLostException extends RuntimeException {

    private final LockLoss loss;

    public LockLostException(LockLoss loss) {
        super(loss.message());
        this.loss = loss;
    }

    public LockLoss loss() {
        return loss;
    }
}
