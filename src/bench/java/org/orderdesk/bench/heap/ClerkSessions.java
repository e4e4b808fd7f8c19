package org.orderdesk.bench.heap;

import com.vaadin.browserless.BrowserlessUIContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.orderdesk.bench.app.RunningApp;
import org.orderdesk.order.ui.GridWindows;

/** A block of clerks' sessions on the orders grid, opened together and closed together. */
final class ClerkSessions implements AutoCloseable {

    /** With the lock column and lock subscriptions, as every clerk has it, or without them. */
    enum Grid {
        WITH_LOCKS(GridWindows::openOrders),
        WITHOUT_LOCKS(GridWindows::openOrdersWithoutLocks);

        private final Consumer<BrowserlessUIContext> open;

        Grid(Consumer<BrowserlessUIContext> open) {
            this.open = open;
        }
    }

    private final List<BrowserlessUIContext> windows = new ArrayList<>();

    ClerkSessions(RunningApp app, List<String> clerks, int count, Grid grid) {
        for (int i = 0; i < count; i++) {
            BrowserlessUIContext window = app.signIn(clerks.get(i % clerks.size()));
            grid.open.accept(window);
            windows.add(window);
        }
    }

    @Override
    public void close() {
        windows.forEach(window -> window.getUser().close());
        windows.clear();
    }
}
