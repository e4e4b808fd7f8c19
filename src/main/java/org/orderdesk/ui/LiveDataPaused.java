package org.orderdesk.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.orderdesk.database.DatabaseAvailability;
import org.orderdesk.database.DatabaseAvailable;
import org.orderdesk.database.DatabaseUnavailable;

/**
 * "Live data paused: the database is not answering…", shown above live data (the grid, an order,
 * the locks) while this node's database does not answer, and gone once it answers again (the
 * view's reload on the {@link org.orderdesk.event.Resynchronised} that follows brings it up to
 * date). The element itself is an empty polite live region while all is well, so that a screen
 * reader announces the notice when it appears.
 */
public final class LiveDataPaused extends Div {

    public static final String NOTICE = "Live data paused: the database is not answering. What you see may be"
            + " out of date; it updates again once the database is back.";

    private final Span notice = new Span(NOTICE);

    public LiveDataPaused(DatabaseAvailability database, LiveUpdates live) {
        addClassName("live-data-paused");
        getElement().setAttribute("role", "status");
        notice.addClassName("live-data-paused-notice");
        addAttachListener(attach -> show(!database.isAvailable()));
        live.whileAttached(this, DatabaseUnavailable.class, down -> true, down -> "database", down -> show(true));
        live.whileAttached(this, DatabaseAvailable.class, up -> true, up -> "database", up -> show(false));
    }

    /** Whether the notice is shown now. */
    public boolean paused() {
        return notice.getParent().isPresent();
    }

    private void show(boolean paused) {
        if (paused && !paused()) {
            add(notice);
        } else if (!paused) {
            remove(notice);
        }
    }
}
