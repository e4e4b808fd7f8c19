package org.orderdesk.bench.fanout;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.shared.communication.PushMode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.orderdesk.bench.app.RunningApp;
import org.orderdesk.order.ui.GridWindows;

/**
 * Clerks' screens on the orders grid, each its own signed-in session and UI, pushing to a {@link
 * RecordingPush}. Browserless sessions are locked by the thread that made them; once a screen is
 * set up that lock is let go, so that {@code ui.access} runs on the pushing thread as in a server,
 * each UI under its own session lock.
 */
final class GridScreens implements AutoCloseable {

    private final RunningApp app;
    private final String clerk;
    private final List<BrowserlessUIContext> screens = new ArrayList<>();
    private final AtomicReference<PushRound> round = new AtomicReference<>();

    GridScreens(RunningApp app, String clerk) {
        this.app = app;
        this.clerk = clerk;
    }

    /**
     * Opens screens until there are {@code count}, on one thread per core: setting a screen up
     * (sign-in, view, first page) is CPU work of tens of milliseconds, and each screen is a session
     * of its own.
     */
    void growTo(int count) throws InterruptedException, ExecutionException {
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService setup = Executors.newFixedThreadPool(threads);
        try {
            List<Future<BrowserlessUIContext>> opened = new ArrayList<>();
            for (int i = screens.size(); i < count; i++) {
                opened.add(setup.submit(this::open));
            }
            for (Future<BrowserlessUIContext> screen : opened) {
                screens.add(screen.get());
            }
        } finally {
            setup.shutdown();
        }
    }

    private BrowserlessUIContext open() {
        BrowserlessUIContext window = app.signIn(clerk);
        GridWindows.openOrders(window);
        UI ui = window.getUI();
        ui.getPushConfiguration().setPushMode(PushMode.AUTOMATIC);
        ui.getInternals().setPushConnection(new RecordingPush(ui, round));
        VaadinSession session = window.getUser().getSession();
        // Flushes what setting up left to send, and frees the session for the pushing threads.
        while (session.hasLock()) {
            session.unlock();
        }
        return window;
    }

    int size() {
        return screens.size();
    }

    /** Closes each session as browserless closes them: locked by this thread, one at a time. */
    @Override
    public void close() {
        round.set(null);
        for (BrowserlessUIContext window : screens) {
            window.getUser().getSession().lock();
            window.getUser().close();
        }
        screens.clear();
    }

    /** Starts a round: every screen's next pushes go to it. */
    PushRound expect(String text) {
        PushRound next = new PushRound(screens.size(), text);
        round.set(next);
        return next;
    }
}
