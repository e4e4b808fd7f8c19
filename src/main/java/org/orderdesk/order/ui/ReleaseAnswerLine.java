package org.orderdesk.order.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.shared.Registration;
import org.orderdesk.lock.LockEvent;
import org.orderdesk.lock.ResourceId;
import org.orderdesk.ui.LiveUpdates;

/**
 * Under the read-only view's lock banner, the holder's answer to this clerk's request to release
 * the order, live: "Alice needs about 5 more minutes", "Alice: not now — “finishing the invoice”".
 * It goes when the hold it answers for ends.
 */
final class ReleaseAnswerLine extends Div {

    private final LiveUpdates live;
    private final String myUsername;

    ReleaseAnswerLine(LiveUpdates live, String myUsername) {
        this.live = live;
        this.myUsername = myUsername;
        addClassName("release-answer");
        getElement().setAttribute("role", "status");
        setVisible(false);
    }

    /** From now on shows the answers about order {@code orderId}; the subscription ends with the registration. */
    Registration follow(long orderId) {
        clear();
        ResourceId order = ResourceId.order(orderId);
        return live.whileAttached(
                this, LockEvent.class, event -> event.resource().equals(order) && concernsMe(event), this::show);
    }

    /** Runs on the committing thread: an answer to this clerk, or the end of a hold. */
    private boolean concernsMe(LockEvent event) {
        return switch (event) {
            case LockEvent.ReleaseAnswered answered ->
                answered.requester().username().equals(myUsername);
            case LockEvent.Released released -> true;
            case LockEvent.Expired expired -> true;
            case LockEvent.Broken broken -> true;
            case LockEvent.TakenOver takenOver -> true;
            default -> false;
        };
    }

    private void show(LockEvent event) {
        if (event instanceof LockEvent.ReleaseAnswered answered) {
            setText(ReleaseAnswerTexts.inOrderView(answered));
            setVisible(true);
        } else {
            clear();
        }
    }

    private void clear() {
        setText("");
        setVisible(false);
    }
}
