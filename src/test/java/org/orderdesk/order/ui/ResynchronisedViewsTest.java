package org.orderdesk.order.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.provider.DataChangeEvent;
import com.vaadin.flow.server.VaadinSession;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.orderdesk.event.EventBroadcaster;
import org.orderdesk.event.Resynchronised;
import org.orderdesk.lock.LockHolder;
import org.orderdesk.lock.ResourceId;
import org.orderdesk.order.FreeNotices;
import org.orderdesk.order.OrderSummary;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Once this node resynchronises, no live view stays stale. Each test
 * changes the database behind the application's back, as another node does while this node does
 * not hear it (no event reaches anyone here), shows that the screens have not noticed, then
 * delivers {@link Resynchronised} as the listener does once it hears the other nodes again.
 */
class ResynchronisedViewsTest extends ClerksTest {

    private static final LockHolder CAROLS_TAB = new LockHolder("carol", "Carol", "carols-tab");

    @Autowired
    EventBroadcaster broadcaster;

    @Autowired
    FreeNotices freeNotices;

    @Test
    void theGridShowsLocksTakenAndEndedUnheardAndReadsItsRowsAgain() {
        locks.acquire(ResourceId.order(131), CAROLS_TAB);
        BrowserlessUIContext bob = signIn("bob");
        bob.navigate(OrdersView.class);
        assertThat(lockHolder(bob, 131)).isEqualTo("Carol");
        List<DataChangeEvent<OrderSummary>> refreshes = new CopyOnWriteArrayList<>();
        ordersGrid(bob).getDataProvider().addDataProviderListener(refreshes::add);

        endUnheard(131);
        takeUnheard(132, "alice", "Alice");
        assertThat(lockHolder(bob, 131)).as("stale until resynchronised").isEqualTo("Carol");
        assertThat(lockHolder(bob, 132)).isEmpty();

        resynchronise();

        assertThat(lockHolder(bob, 131)).isEmpty();
        assertThat(lockHolder(bob, 132)).isEqualTo("Alice");
        assertThat(refreshes)
                .as("every row read again, not one row redrawn")
                .anyMatch(change -> !(change instanceof DataChangeEvent.DataRefreshEvent));
    }

    @Test
    void theReadOnlyViewShowsTheSavedValuesAndTheFreeOrder() {
        locks.acquire(ResourceId.order(133), CAROLS_TAB);
        BrowserlessUIContext bob = signIn("bob");
        bob.navigate("orders/133", OrderView.class);
        assertThat(banner(bob)).startsWith("Carol is editing this order since");

        saveNotesUnheard(133, "Deliver to the side entrance", "Carol");
        endUnheard(133);
        assertThat(banner(bob)).as("stale until resynchronised").startsWith("Carol is editing");

        resynchronise();

        assertThat(banner(bob)).isEqualTo("Free now — Edit");
        assertThat(notes(bob)).isEqualTo("Deliver to the side entrance");
    }

    @Test
    void aClerkWaitingForAnOrderReleasedUnheardIsToldItIsTheirTurnAndOnlyForThatOrder() {
        locks.acquire(ResourceId.order(134), CAROLS_TAB);
        locks.acquire(ResourceId.order(135), CAROLS_TAB);
        BrowserlessUIContext bob = signIn("bob");
        OrdersView grid = bob.navigate(OrdersView.class);
        grid.rowActions(row(bob, 134)).get("Notify me when free").run();
        grid.rowActions(row(bob, 135)).get("Notify me when free").run();

        releaseToFirstInLineUnheard(134);
        resynchronise();

        assertThat(notices(bob)).contains("Order OD-000134 is free now").doesNotContain("Order OD-000135 is free now");
        assertThat(Screens.turnCountdown(bob)).isEqualTo("Reserved for you · 0:30");
        bob.activate();
        grid.rowActions(row(bob, 135)).get("Stop notifying me").run();
        assertThat(freeNotices.waitsOf(VaadinSession.getCurrent().getSession().getId()))
                .as("Bob waits for nothing any more")
                .isEmpty();
    }

    @Test
    void anEditorWhoseLockWasBrokenUnheardTurnsLostWithTheReasonAndOneStillHoldingKeepsEditing() {
        BrowserlessUIContext alice = signIn("alice");
        alice.navigate("orders/136/edit", OrderEditorView.class);
        BrowserlessUIContext carol = signIn("carol");
        carol.navigate("orders/137/edit", OrderEditorView.class);

        breakUnheard(136, "sam", "Sam", "Month-end close");
        assertThat(notesReadOnly(alice)).as("stale until resynchronised").isFalse();

        resynchronise();

        assertThat(lockLostReason(alice))
                .isEqualTo("Lock lost: Sam broke your lock on order OD-000136 (reason: Month-end close)");
        assertThat(notesReadOnly(alice)).isTrue();
        assertThat(notesReadOnly(carol)).isFalse();
        assertThat(locks.find(ResourceId.order(137)).orElseThrow().holder().username())
                .isEqualTo("carol");
    }

    private void resynchronise() {
        broadcaster.deliver(new Resynchronised());
        deliverPushes();
    }

    // Another node's doings, straight in the database: nobody here hears of them.

    private void takeUnheard(long orderId, String username, String displayName) {
        OffsetDateTime now = now();
        jdbc.sql("insert into edit_locks (resource_type, resource_id, holder_username, holder_display_name,"
                        + " holder_key, token, acquired_at, renewed_at, expires_at, expiry_warned)"
                        + " values ('ORDER', :id, :username, :displayName, :key, nextval('lock_token_seq'),"
                        + " :now, :now, :until, false)")
                .param("id", orderId)
                .param("username", username)
                .param("displayName", displayName)
                .param("key", username + "-on-another-node")
                .param("now", now)
                .param("until", now.plus(settings.lease()))
                .update();
    }

    /** As a release on another node: the lock goes, and the first in line gets the order reserved. */
    private void releaseToFirstInLineUnheard(long orderId) {
        endUnheard(orderId);
        Map<String, Object> first = jdbc.sql("select username, display_name, waiter_key from lock_waiters"
                        + " where resource_type = 'ORDER' and resource_id = :id order by seq fetch first 1 rows only")
                .param("id", orderId)
                .query()
                .singleRow();
        jdbc.sql(
                        "delete from lock_waiters where resource_type = 'ORDER' and resource_id = :id and username = :username")
                .param("id", orderId)
                .param("username", first.get("username"))
                .update();
        OffsetDateTime now = now();
        jdbc.sql("update lock_turns set reservation = nextval('lock_token_seq'), reserved_username = :username,"
                        + " reserved_display_name = :displayName, reserved_key = :key, reserved_at = :now,"
                        + " reserved_until = :until where resource_type = 'ORDER' and resource_id = :id")
                .param("id", orderId)
                .param("username", first.get("username"))
                .param("displayName", first.get("display_name"))
                .param("key", first.get("waiter_key"))
                .param("now", now)
                .param("until", now.plus(settings.reservation()))
                .update();
    }

    private void endUnheard(long orderId) {
        jdbc.sql("delete from edit_locks where resource_type = 'ORDER' and resource_id = :id")
                .param("id", orderId)
                .update();
    }

    /** As a supervisor's break: the audit says who and why, which is what the holder is told. */
    private void breakUnheard(long orderId, String username, String displayName, String reason) {
        Map<String, Object> lock = jdbc.sql("select token, holder_username, holder_display_name from edit_locks"
                        + " where resource_type = 'ORDER' and resource_id = :id")
                .param("id", orderId)
                .query()
                .singleRow();
        jdbc.sql("insert into lock_audit (id, occurred_at, resource_type, resource_id, action, token,"
                        + " holder_username, holder_display_name, actor_username, actor_display_name, reason)"
                        + " values (nextval('lock_audit_seq'), :now, 'ORDER', :id, 'BROKEN', :token, :holder,"
                        + " :holderName, :username, :displayName, :reason)")
                .param("now", now())
                .param("id", orderId)
                .param("token", lock.get("token"))
                .param("holder", lock.get("holder_username"))
                .param("holderName", lock.get("holder_display_name"))
                .param("username", username)
                .param("displayName", displayName)
                .param("reason", reason)
                .update();
        endUnheard(orderId);
    }

    private void saveNotesUnheard(long orderId, String notes, String byDisplayName) {
        jdbc.sql("update orders set notes = :notes, last_changed_by = :by, last_changed_at = :now,"
                        + " version = version + 1 where id = :id")
                .param("notes", notes)
                .param("by", byDisplayName)
                .param("now", now())
                .param("id", orderId)
                .update();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    // What the clerks see.

    private String lockHolder(BrowserlessUIContext window, long orderId) {
        row(window, orderId);
        GridTester<Grid<OrderSummary>, OrderSummary> grid = window.test(ordersGrid(window));
        return grid.getLitRendererPropertyValue((int) orderId - 1, "lock", "lockHolder", String.class);
    }

    /** Order n is row n - 1 in the grid's default order. */
    private OrderSummary row(BrowserlessUIContext window, long orderId) {
        window.activate();
        OrderSummary row = window.test(ordersGrid(window)).getRow((int) orderId - 1);
        assertThat(row.id()).isEqualTo(orderId);
        return row;
    }

    private String banner(BrowserlessUIContext window) {
        window.activate();
        return window.find(Div.class).withClassName("lock-banner").all().stream()
                .map(banner -> banner.getElement().getTextRecursively())
                .findFirst()
                .orElse("");
    }

    private String notes(BrowserlessUIContext window) {
        window.activate();
        return window.find(TextArea.class).withCaption("Notes").single().getValue();
    }

    private boolean notesReadOnly(BrowserlessUIContext window) {
        window.activate();
        return Screens.shownReadOnly(
                window.find(TextArea.class).withCaption("Notes").single());
    }
}
