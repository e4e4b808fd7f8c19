package org.orderdesk.lock.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.HttpSessionEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orderdesk.IntegrationTest;
import org.orderdesk.lock.AcquireOutcome;
import org.orderdesk.lock.LockHolder;
import org.orderdesk.lock.LockService;
import org.orderdesk.lock.ResourceId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The release endpoint a closing tab's beacon calls releases only the lock its own session holds under the holder key and token sent, and only with the session's CSRF token; the
 * end of a session releases its locks.
 */
@IntegrationTest
class LockReleaseEndpointTest {

    private static final ResourceId ORDER = ResourceId.order(601);
    private static final LockHolder ALICES_TAB = new LockHolder("alice", "Alice", "alices-tab");

    @Autowired
    WebApplicationContext context;

    @Autowired
    LockService locks;

    @Autowired
    SessionLocks sessionLocks;

    @Autowired
    JdbcClient jdbc;

    private MockMvc http;
    private MockHttpSession alicesSession;
    private long token;

    @BeforeEach
    void aliceEditsInHerSession() {
        jdbc.sql("delete from edit_locks").update();
        http = MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build();
        alicesSession = new MockHttpSession();
        token = ((AcquireOutcome.Acquired) locks.acquire(ORDER, ALICES_TAB)).token();
        sessionLocks.hold(alicesSession.getId(), new SessionLocks.HeldLock(ORDER, ALICES_TAB.holderKey(), token));
    }

    @Test
    void theBeaconOfTheHoldingSessionReleasesTheLock() throws Exception {
        http.perform(beacon(ALICES_TAB.holderKey(), token)
                        .session(alicesSession)
                        .with(user("alice"))
                        .with(csrf()))
                .andExpect(status().isNoContent());

        assertThat(locks.find(ORDER)).isEmpty();
    }

    @Test
    void withoutTheCsrfTokenNothingIsReleased() throws Exception {
        http.perform(beacon(ALICES_TAB.holderKey(), token)
                        .session(alicesSession)
                        .with(user("alice")))
                .andExpect(status().isForbidden());

        assertThat(locks.find(ORDER)).isPresent();
    }

    @Test
    void anotherSessionCannotReleaseItEvenWithTheRightKeyAndToken() throws Exception {
        http.perform(beacon(ALICES_TAB.holderKey(), token)
                        .session(new MockHttpSession())
                        .with(user("bob"))
                        .with(csrf()))
                .andExpect(status().isNotFound());

        assertThat(locks.find(ORDER)).isPresent();
    }

    @Test
    void aWrongHolderKeyOrTokenReleasesNothing() throws Exception {
        http.perform(beacon("guessed-key", token)
                        .session(alicesSession)
                        .with(user("alice"))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        http.perform(beacon(ALICES_TAB.holderKey(), token + 1)
                        .session(alicesSession)
                        .with(user("alice"))
                        .with(csrf()))
                .andExpect(status().isNotFound());

        assertThat(locks.find(ORDER)).isPresent();
    }

    @Test
    void anUnauthenticatedBeaconReleasesNothing() throws Exception {
        int status = http.perform(beacon(ALICES_TAB.holderKey(), token).with(csrf()))
                .andReturn()
                .getResponse()
                .getStatus();

        assertThat(status).isIn(302, 401, 403);
        assertThat(locks.find(ORDER)).isPresent();
    }

    @Test
    void aMalformedBeaconIsABadRequest() throws Exception {
        http.perform(post(LockReleaseController.PATH)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("resourceType", " ")
                        .param("resourceId", "601")
                        .param("holderKey", ALICES_TAB.holderKey())
                        .param("token", "not-a-number")
                        .session(alicesSession)
                        .with(user("alice"))
                        .with(csrf()))
                .andExpect(status().isBadRequest());

        assertThat(locks.find(ORDER)).isPresent();
    }

    @Test
    void theEndOfTheSessionReleasesItsLocksAndNoOthers() {
        var bobsTab = new LockHolder("bob", "Bob", "bobs-tab");
        ResourceId bobsOrder = ResourceId.order(602);
        long bobsToken = ((AcquireOutcome.Acquired) locks.acquire(bobsOrder, bobsTab)).token();
        MockHttpSession bobsSession = new MockHttpSession();
        sessionLocks.hold(bobsSession.getId(), new SessionLocks.HeldLock(bobsOrder, bobsTab.holderKey(), bobsToken));

        sessionLocks.sessionDestroyed(new HttpSessionEvent(alicesSession));

        assertThat(locks.find(ORDER)).isEmpty();
        assertThat(locks.find(bobsOrder)).isPresent();
    }

    private static MockHttpServletRequestBuilder beacon(String holderKey, long token) {
        return post(LockReleaseController.PATH)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("resourceType", ORDER.type())
                .param("resourceId", Long.toString(ORDER.id()))
                .param("holderKey", holderKey)
                .param("token", Long.toString(token));
    }
}
