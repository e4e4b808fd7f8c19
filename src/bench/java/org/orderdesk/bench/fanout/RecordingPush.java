package org.orderdesk.bench.fanout;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.communication.PushConnection;
import com.vaadin.flow.server.communication.UidlWriter;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A screen's push connection without the network: on each push it writes the message as a real
 * connection does (UIDL of every change since the last one, rows of the grid rendered with their
 * lock cells), then hands it to the round under way instead of a socket.
 */
final class RecordingPush implements PushConnection {

    private final UI ui;
    private final AtomicReference<PushRound> round;

    RecordingPush(UI ui, AtomicReference<PushRound> round) {
        this.ui = ui;
        this.round = round;
    }

    @Override
    public void push() {
        String message = new UidlWriter().createUidl(ui, true).toString();
        if (Boolean.getBoolean("bench.showPush")) {
            System.err.println(message);
        }
        PushRound current = round.get();
        if (current != null) {
            current.pushed(message);
        }
    }

    @Override
    public void disconnect() {}

    @Override
    public boolean isConnected() {
        return true;
    }
}
