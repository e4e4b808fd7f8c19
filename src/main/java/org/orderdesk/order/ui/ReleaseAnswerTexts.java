package org.orderdesk.order.ui;

import java.time.Duration;
import org.orderdesk.lock.LockEvent;
import org.orderdesk.lock.ReleaseAnswer;

/** How a requester reads a holder's answer to their request to release an order. */
final class ReleaseAnswerTexts {

    private ReleaseAnswerTexts() {}

    /** "5 minutes", "1 minute": the more time a holder may ask for is whole minutes. */
    static String minutes(Duration time) {
        long minutes = time.toMinutes();
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }

    /** "5 more minutes". */
    static String moreMinutes(Duration time) {
        long minutes = time.toMinutes();
        return minutes + (minutes == 1 ? " more minute" : " more minutes");
    }

    /** In the read-only view of the order: "Alice needs about 5 more minutes", "Alice: not now — “…”". */
    static String inOrderView(LockEvent.ReleaseAnswered answered) {
        return said(answered, "") + quoted(answered);
    }

    /** Anywhere else, naming the order: "Alice needs about 5 more minutes on order OD-000042". */
    static String elsewhere(LockEvent.ReleaseAnswered answered, String orderNumber) {
        String order = answered.answer() == ReleaseAnswer.MORE_TIME
                ? " on order " + orderNumber
                : " to your request for order " + orderNumber;
        return said(answered, order) + quoted(answered);
    }

    private static String said(LockEvent.ReleaseAnswered answered, String order) {
        String holder = answered.holder().displayName();
        return switch (answered.answer()) {
            case MORE_TIME -> {
                Duration moreTime = answered.moreTime();
                yield holder + " needs about " + (moreTime == null ? "a few more minutes" : moreMinutes(moreTime))
                        + order;
            }
            case NOT_NOW -> holder + ": not now" + order;
        };
    }

    private static String quoted(LockEvent.ReleaseAnswered answered) {
        String message = answered.message();
        return message == null ? "" : " — “" + message + "”";
    }
}
