package org.orderdesk.order.ui;

import static org.awaitility.Awaitility.await;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.browserless.SecuredBrowserlessApplicationContext;
import com.vaadin.browserless.SpringBrowserlessApplicationContext;
import com.vaadin.browserless.internal.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedHttpSession;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.orderdesk.Application;
import org.orderdesk.IntegrationTest;
import org.orderdesk.TestClock;
import org.orderdesk.lock.LockProperties;
import org.orderdesk.lock.LockService;
import org.orderdesk.lock.LockSweeper;
import org.orderdesk.order.OrderSummary;
import org.orderdesk.ui.LivePushMeters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Several clerks at once, each signed in with a browserless session and window of their own, on
 * one application: what one clerk does, the others see by push. Time moves only when a test moves
 * the clock.
 */
@IntegrationTest
abstract class ClerksTest {

    @Autowired
    ApplicationContext spring;

    @Autowired
    UserDetailsService users;

    @Autowired
    MeterRegistry meters;

    @Autowired
    LockService locks;

    @Autowired
    LockSweeper sweeper;

    @Autowired
    LockProperties settings;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    private SecuredBrowserlessApplicationContext<Authentication> app;
    private final List<BrowserlessUIContext> windows = new ArrayList<>();

    @BeforeEach
    void openTheApplication() {
        jdbc.sql("delete from edit_locks").update();
        // Every clerk starts with the grid as it comes: no columns moved, no sort, no preview.
        jdbc.sql("delete from grid_preferences").update();
        jdbc.sql("delete from lock_waiters").update();
        jdbc.sql("delete from lock_turns").update();
        app = SpringBrowserlessApplicationContext.createSecured(spring, Application.class);
    }

    @AfterEach
    void closeTheApplication() {
        app.close();
    }

    /** A new browser session for {@code username}, signed in, with one window. */
    BrowserlessUIContext signIn(String username) {
        BrowserlessUIContext window = newSession(username);
        windows.add(window);
        return window;
    }

    /** As {@link #signIn}, but the test keeps no reference to the window: it is the caller's to close. */
    BrowserlessUIContext newSession(String username) {
        UserDetails user = users.loadUserByUsername(username);
        return app.newUser(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()))
                .newWindow();
    }

    /** Another window (tab) in the same browser session as {@code window}. */
    BrowserlessUIContext newTab(BrowserlessUIContext window) {
        BrowserlessUIContext tab = window.getUser().newWindow();
        windows.add(tab);
        return tab;
    }

    /**
     * Ends the browser session of {@code window} and all its tabs as the servlet container does when
     * the session times out or is invalidated: first the application's session listeners are told,
     * then the Vaadin session bound to it closes each of its tabs and removes it, as {@code
     * VaadinService.fireSessionDestroy} does (called as such, it trips over the browserless session
     * locks).
     */
    void endSession(BrowserlessUIContext window) {
        VaadinSession vaadinSession = window.getUser().getSession();
        HttpSession httpSession = ((WrappedHttpSession) vaadinSession.getSession()).getHttpSession();
        HttpSessionEvent ended = new HttpSessionEvent(httpSession);
        spring.getBeansOfType(HttpSessionListener.class).values().forEach(listener -> listener.sessionDestroyed(ended));
        window.activate();
        for (UI tab : List.copyOf(vaadinSession.getUIs())) {
            tab.close();
            vaadinSession.removeUI(tab);
        }
        httpSession.invalidate();
        deliverPushes();
    }

    /** The texts of the notifications open in {@code window}, oldest first. */
    List<String> notices(BrowserlessUIContext window) {
        return Screens.notices(window);
    }

    /** The open notification in {@code window} whose text contains {@code text}. */
    Notification notice(BrowserlessUIContext window, String text) {
        return Screens.notice(window, text);
    }

    /** Clicks the button labelled {@code text} inside {@code container} (a view, a notification, a dialog). */
    void click(BrowserlessUIContext window, Component container, String text) {
        Screens.click(window, container, text);
    }

    /** Clicks the button labelled {@code text} anywhere in {@code window}. */
    void click(BrowserlessUIContext window, String text) {
        Screens.click(window, text);
    }

    /** The grid of orders shown in {@code window}. */
    Grid<OrderSummary> ordersGrid(BrowserlessUIContext window) {
        return Screens.ordersGrid(window);
    }

    /** Why the editor in {@code window} lost its lock, as its lost-lock panel says. */
    String lockLostReason(BrowserlessUIContext window) {
        return Screens.lockLostReason(window);
    }

    boolean hasButton(BrowserlessUIContext window, String text) {
        return Screens.hasButton(window, text);
    }

    /** Lets time pass until the sweeper announces the expiry of leases nobody renewed. */
    void letTheLeaseNearItsEnd() {
        clock.advance(settings.lease().minus(settings.warnBefore()));
        sweeper.sweep();
    }

    /** Waits until the pushes on their way reached {@code ui.access}, then lets every window take them. */
    void deliverPushes() {
        await().atMost(Duration.ofSeconds(5)).until(() -> !live().isPushing());
        windows.stream().filter(window -> !window.getUI().isClosing()).forEach(window -> {
            window.activate();
            MockVaadin.runUIQueue(false, window.getUser().getSession());
            window.roundTrip();
        });
    }

    /** The live-update meters, as an operator reads them. */
    LivePushMeters live() {
        return new LivePushMeters(meters);
    }
}
