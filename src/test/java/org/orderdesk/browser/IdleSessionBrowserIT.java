package org.orderdesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.orderdesk.browser.BrowserSession.logIn;
import static org.orderdesk.browser.BrowserSession.screenshot;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.VaadinSessionState;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.orderdesk.lock.LockHolder;
import org.orderdesk.lock.LockService;
import org.orderdesk.lock.LockUser;
import org.orderdesk.lock.ResourceId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Real Chromium, with sessions that end after twenty seconds without the clerk's input instead of
 * thirty minutes, and a heartbeat every four seconds: a clerk who leaves their tabs open and does
 * nothing is signed out by the server although the tabs keep sending heartbeats; their tabs land
 * on the login, their lock is released, their place in line and their avatar on others' screens
 * go. A clerk who keeps clicking meanwhile stays signed in.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vaadin.heartbeatInterval=" + IdleSessionBrowserIT.HEARTBEAT_SECONDS)
@ActiveProfiles("test")
@Import(IdleSessionBrowserIT.ShortSessions.class)
class IdleSessionBrowserIT extends BrowserTest {

    static final int HEARTBEAT_SECONDS = 4;
    static final int SESSION_SECONDS = 20;

    @Autowired
    SessionsSeen sessions;

    @Autowired
    LockService locks;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anIdleClerksSessionEndsByItselfWhileTheClerkWhoKeepsWorkingStaysSignedIn() {
        // Carol edits order 5 from elsewhere, so that Alice can wait for it.
        locks.acquire(
                ResourceId.order(5),
                new LockHolder(new LockUser("carol", "Carol"), UUID.randomUUID().toString()));
        Page aliceGrid = clerk("alice", "Alice");
        Page aliceEditor = browser.newTabOf(aliceGrid);
        edit(aliceEditor, 7);
        Page aliceWaiting = browser.newTabOf(aliceGrid);
        aliceWaiting.navigate(url("/orders/5"));
        aliceWaiting
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Notify me when free"))
                .click();
        assertThat(aliceWaiting.getByText("You are 1st in line").first()).isVisible();
        // Alice does nothing from now on.
        Page bob = clerk("bob", "Bob");
        bob.navigate(url("/orders/5"));
        assertThat(bob.locator(".order-viewers")).isVisible();
        assertThat(waitingClerks("alice")).isOne();
        String alicesSession = sessionId(aliceGrid);
        String bobsSession = sessionId(bob);

        // Bob, a clerk at work, clicks every second or two; his last page load is soon long past.
        Instant bobArrived = Instant.now();
        Duration atLeast = Duration.ofSeconds(SESSION_SECONDS + 2L * HEARTBEAT_SECONDS);
        Duration atMost = Duration.ofSeconds(4L * SESSION_SECONDS);
        Duration passed = Duration.ZERO;
        while (passed.compareTo(atMost) < 0
                && (passed.compareTo(atLeast) < 0 || !sessions.ended.contains(alicesSession))) {
            keepWorking(bob);
            // A clerk's pause between two clicks: here, time has to pass for real.
            bob.waitForTimeout(1_000);
            passed = Duration.between(bobArrived, Instant.now());
        }

        assertThat(sessions.ended)
                .as("ended HTTP sessions")
                .contains(alicesSession)
                .doesNotContain(bobsSession);
        assertThat(sessions.vaadinSessionsOf(alicesSession))
                .isNotEmpty()
                .allSatisfy(session -> assertThat(stateOf(session)).isEqualTo(VaadinSessionState.CLOSED));
        assertThat(sessions.vaadinSessionsOf(bobsSession))
                .isNotEmpty()
                .allSatisfy(session -> assertThat(stateOf(session)).isEqualTo(VaadinSessionState.OPEN));
        for (Page tab : new Page[] {aliceGrid, aliceEditor, aliceWaiting}) {
            assertThat(tab).hasURL(Pattern.compile(".*/login$"));
            assertThat(tab.getByLabel("Username")).isVisible();
        }
        screenshot(aliceGrid, "idle-session-ended");
        assertThat(locks.find(ResourceId.order(7))).as("Alice's lock").isEmpty();
        assertThat(jdbc.sql("select count(*) from lock_audit where resource_id = 7 and action = 'RELEASED'"
                                + " and holder_username = 'alice'")
                        .query(Long.class)
                        .single())
                .as("the release, audited once")
                .isOne();
        assertThat(waitingClerks("alice")).as("Alice's place in line").isZero();
        // Alice's avatar on Bob's view of the order: hidden once nobody else looks.
        assertThat(bob.locator(".order-viewers")).isHidden();

        assertThat(bob).hasURL(Pattern.compile(".*/orders/5$"));
        assertThat(bob.locator(".current-user")).hasText("Bob");
        Page bobsOtherTab = browser.newTabOf(bob);
        bobsOtherTab.navigate(url("/orders"));
        assertThat(bobsOtherTab.locator(".current-user")).hasText("Bob");
    }

    /** A click on the order's title in Bob's view: input, and changes nothing. */
    private static void keepWorking(Page bob) {
        bob.getByRole(AriaRole.HEADING).first().click();
    }

    private Page clerk(String username, String displayName) {
        Page page = browser.newClerkWindow();
        opened.add(page.context());
        page.navigate(url("/login"));
        // The first page of the class may take long on a busy machine (development mode).
        page.getByLabel("Username").waitFor(new Locator.WaitForOptions().setTimeout(60_000));
        logIn(page, username, username);
        assertThat(page.locator(".current-user"))
                .hasText(displayName, new LocatorAssertions.HasTextOptions().setTimeout(60_000));
        return page;
    }

    private long waitingClerks(String username) {
        return jdbc.sql("select count(*) from lock_waiters where username = :username")
                .param("username", username)
                .query(Long.class)
                .single();
    }

    /** Read as Vaadin wants it: holding the session's lock. */
    private static VaadinSessionState stateOf(VaadinSession session) {
        session.lock();
        try {
            return session.getState();
        } finally {
            session.unlock();
        }
    }

    private static String sessionId(Page page) {
        return page.context().cookies().stream()
                .filter(cookie -> cookie.name.equals("JSESSIONID"))
                .map((Cookie cookie) -> cookie.value)
                .findFirst()
                .orElseThrow();
    }

    /** Sessions of a few seconds, and what became of them. */
    static final class SessionsSeen implements HttpSessionListener, VaadinServiceInitListener {

        final Set<String> ended = ConcurrentHashMap.newKeySet();
        /** By the id of the HTTP session they belonged to when one of their tabs opened. */
        private final Map<String, Set<VaadinSession>> vaadinSessions = new ConcurrentHashMap<>();

        @Override
        public void sessionCreated(HttpSessionEvent event) {
            // What server.servlet.session.timeout cannot say: Tomcat counts it in whole minutes.
            event.getSession().setMaxInactiveInterval(SESSION_SECONDS);
        }

        @Override
        public void sessionDestroyed(HttpSessionEvent event) {
            ended.add(event.getSession().getId());
        }

        @Override
        public void serviceInit(ServiceInitEvent event) {
            event.getSource().addUIInitListener(init -> {
                VaadinSession session = init.getUI().getSession();
                vaadinSessions
                        .computeIfAbsent(session.getSession().getId(), id -> ConcurrentHashMap.newKeySet())
                        .add(session);
            });
        }

        Set<VaadinSession> vaadinSessionsOf(String httpSessionId) {
            return vaadinSessions.getOrDefault(httpSessionId, Set.of());
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class ShortSessions {

        @Bean
        SessionsSeen sessionsSeen() {
            return new SessionsSeen();
        }
    }
}
