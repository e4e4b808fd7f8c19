package org.orderdesk.order.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.orderdesk.StoppableDatabase;
import org.orderdesk.lock.ResourceId;
import org.orderdesk.order.OrderSummary;
import org.orderdesk.ui.LiveDataPaused;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The database goes away while clerks edit, view and wait, and comes back. The editor says at
 * once that it cannot confirm its lock and refuses to save, keeping every value; the grid and the
 * read-only views say that their live data is paused. Once the database answers again the editor
 * holds its lock again, or shows the lost-lock panel when someone else took the order meanwhile,
 * and the views show fresh data. Each database a subclass stops and starts: {@link
 * H2DatabaseOutageTest} (H2 in server mode).
 */
abstract class DatabaseOutageTest extends ClerksTest {

    static final String DATABASE_LOST = "Connection to the database lost — your changes are kept; trying again";

    /** The database this test stops and starts; the subclass points the application at it. */
    abstract StoppableDatabase database();

    /** Probes often, so that the tests wait for the return of the database a fraction of a second. */
    @DynamicPropertySource
    static void probeOften(DynamicPropertyRegistry properties) {
        properties.add("orderdesk.database.probe-interval", () -> "200ms");
    }

    private boolean stopped;

    /** A test that failed with the database stopped leaves it running for the next. */
    @AfterEach
    void startTheDatabaseAgain() {
        if (stopped) {
            startTheDatabase();
        }
    }

    private void stopTheDatabase() {
        database().stop();
        stopped = true;
    }

    private void startTheDatabase() {
        database().start();
        stopped = false;
    }

    @Test
    void theEditorKeepsEverythingWhileTheDatabaseIsAwayAndHoldsItsLockAgainOnceItIsBack() {
        BrowserlessUIContext alice = signIn("alice");
        OrderEditorView editor = alice.navigate("orders/301/edit", OrderEditorView.class);
        type(alice, "Customer", "Nordwind Traders");
        typeNotes(alice, "Call before delivery");
        BrowserlessUIContext bob = signIn("bob");
        bob.navigate("orders/301", OrderView.class);
        BrowserlessUIContext bobsGrid = newTab(bob);
        bobsGrid.navigate(OrdersView.class);
        BrowserlessUIContext carol = signIn("carol");
        OrdersView carolsGrid = carol.navigate(OrdersView.class);
        carolsGrid.rowActions(row(carol, 301)).get("Notify me when free").run();

        stopTheDatabase();
        clock.advance(settings.renewInterval());
        alice.activate();
        editor.renewLock(0);

        assertThat(lockStatus(alice)).isEqualTo(DATABASE_LOST);
        assertThat(statusBarClasses(alice)).contains("unconfirmed");
        click(alice, "Save");
        assertThat(notices(alice)).last().isEqualTo(DATABASE_LOST + ".");
        assertThat(value(alice, "Customer")).isEqualTo("Nordwind Traders");
        assertThat(notes(alice).getValue()).isEqualTo("Call before delivery");
        assertThat(Screens.shownReadOnly(notes(alice)))
                .as("the clerk goes on typing")
                .isFalse();
        untilShown(() -> {
            assertThat(pausedNotice(bob)).isEqualTo(LiveDataPaused.NOTICE);
            assertThat(pausedNotice(bobsGrid)).isEqualTo(LiveDataPaused.NOTICE);
            assertThat(pausedNotice(carol)).isEqualTo(LiveDataPaused.NOTICE);
        });
        typeNotes(alice, "Call before delivery, ring twice");
        String allOrders = matchCount(bobsGrid);
        search(bobsGrid, "OD-000301");
        assertThat(matchCount(bobsGrid))
                .as("the rows stay until the database is back")
                .isEqualTo(allOrders);

        startTheDatabase();

        untilShown(() -> assertThat(lockStatus(alice)).startsWith("You are editing · lock ends"));
        assertThat(notices(alice)).contains("Connection to the database is back — you still hold the lock.");
        assertThat(statusBarClasses(alice)).doesNotContain("unconfirmed");
        untilShown(() -> {
            assertThat(pausedNotice(bob)).isEmpty();
            assertThat(pausedNotice(bobsGrid)).isEmpty();
            assertThat(matchCount(bobsGrid))
                    .as("the search typed meanwhile applies")
                    .isEqualTo("1 order");
        });
        click(alice, "Save & close");
        assertThat(storedNotes(301)).isEqualTo("Call before delivery, ring twice");
        assertThat(storedCustomer(301)).isEqualTo("Nordwind Traders");
        untilShown(() -> {
            assertThat(readOnlyNotes(bob)).isEqualTo("Call before delivery, ring twice");
            assertThat(notices(carol)).contains("Order OD-000301 is free now");
        });
    }

    @Test
    void aLockWhoseLeaseEndedDuringTheOutageIsTakenAgainWhenNobodyElseTookIt() {
        BrowserlessUIContext alice = signIn("alice");
        OrderEditorView editor = alice.navigate("orders/302/edit", OrderEditorView.class);
        typeNotes(alice, "Leave at the gate");

        stopTheDatabase();
        clock.advance(settings.renewInterval());
        alice.activate();
        editor.renewLock(0);
        assertThat(lockStatus(alice)).isEqualTo(DATABASE_LOST);
        clock.advance(settings.lease());
        startTheDatabase();
        awaitTheDatabase();
        sweeper.sweep();

        untilShown(() -> assertThat(lockStatus(alice)).startsWith("You are editing · lock ends"));
        assertThat(locks.find(org.orderdesk.lock.ResourceId.order(302))
                        .orElseThrow()
                        .holder()
                        .username())
                .isEqualTo("alice");
        click(alice, "Save");
        assertThat(notices(alice)).last().asString().startsWith("Saved order");
        assertThat(storedNotes(302)).isEqualTo("Leave at the gate");
    }

    @Test
    void anOrderSomeoneElseTookAndSavedAfterTheReturnShowsTheLostLockPanelKeepingTheValues() {
        BrowserlessUIContext alice = signIn("alice");
        OrderEditorView editor = alice.navigate("orders/303/edit", OrderEditorView.class);
        typeNotes(alice, "Alice's notes");

        stopTheDatabase();
        clock.advance(settings.renewInterval());
        alice.activate();
        editor.renewLock(0);
        clock.advance(settings.lease());
        startTheDatabase();
        awaitTheDatabase();
        // Bob gets there first: the lease ran out, and he opens, changes and saves the order.
        BrowserlessUIContext bob = signIn("bob");
        bob.navigate("orders/303/edit", OrderEditorView.class);
        typeNotes(bob, "Bob's notes");
        click(bob, "Save");

        untilShown(() -> assertThat(lockLostReason(alice)).startsWith("Lock lost to Bob"));
        assertThat(hasButton(alice, "Compare with saved")).isTrue();
        assertThat(notes(alice).getValue()).isEqualTo("Alice's notes");
        assertThat(Screens.shownReadOnly(notes(alice))).isTrue();
        assertThat(storedNotes(303)).isEqualTo("Bob's notes");
    }

    @Test
    void aLockTheDatabaseDidNotLetGoIsReleasedWhenTheClerksSessionEndsOnceItIsBack() {
        BrowserlessUIContext alice = signIn("alice");
        alice.navigate("orders/306/edit", OrderEditorView.class);

        stopTheDatabase();
        click(alice, "Cancel");
        startTheDatabase();
        awaitTheDatabase();
        assertThat(locks.find(ResourceId.order(306)))
                .as("the release the database did not answer")
                .isPresent();

        endSession(alice);

        assertThat(locks.find(ResourceId.order(306)))
                .as("released at the end of the session, not left to lapse")
                .isEmpty();
    }

    /** Waits until the application's pool hands out connections that work again. */
    private void awaitTheDatabase() {
        await().atMost(Duration.ofSeconds(20))
                .ignoreExceptions()
                .until(() -> jdbc.sql("select 1").query(Integer.class).single() == 1);
    }

    /** Delivers the pushes on their way until {@code check} passes. */
    private void untilShown(Runnable check) {
        await().atMost(Duration.ofSeconds(20))
                .pollInSameThread()
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    deliverPushes();
                    check.run();
                });
    }

    private void type(BrowserlessUIContext window, String label, String value) {
        window.activate();
        window.test(window.find(TextField.class).withCaption(label).single()).setValue(value);
    }

    private void typeNotes(BrowserlessUIContext window, String value) {
        window.activate();
        window.test(notes(window)).setValue(value);
    }

    private void search(BrowserlessUIContext window, String text) {
        window.activate();
        window.test(window.find(TextField.class).single()).setValue(text);
    }

    private String matchCount(BrowserlessUIContext window) {
        window.activate();
        return window.find(Span.class).withClassName("match-count").single().getText();
    }

    private String value(BrowserlessUIContext window, String label) {
        window.activate();
        return window.find(TextField.class).withCaption(label).single().getValue();
    }

    private TextArea notes(BrowserlessUIContext window) {
        window.activate();
        return window.find(TextArea.class).withCaption("Notes").single();
    }

    private String readOnlyNotes(BrowserlessUIContext window) {
        return notes(window).getValue();
    }

    private String lockStatus(BrowserlessUIContext window) {
        window.activate();
        return window.find(Span.class)
                .withClassName("lock-line")
                .single()
                .getElement()
                .getTextRecursively();
    }

    private String statusBarClasses(BrowserlessUIContext window) {
        window.activate();
        return window.find(Div.class).withClassName("lock-status").single().getClassName();
    }

    /** The live-data notice as the clerk reads it; empty while live data flows. */
    private String pausedNotice(BrowserlessUIContext window) {
        window.activate();
        return window.find(Div.class).withClassName("live-data-paused").all().stream()
                .map(notice -> notice.getElement().getTextRecursively())
                .findFirst()
                .orElseThrow(() -> new AssertionError("No live-data notice in the view"));
    }

    private OrderSummary row(BrowserlessUIContext window, long orderId) {
        window.activate();
        OrderSummary row = window.test(ordersGrid(window)).getRow((int) orderId - 1);
        assertThat(row.id()).isEqualTo(orderId);
        return row;
    }

    private String storedNotes(long orderId) {
        return jdbc.sql("select notes from orders where id = :id")
                .param("id", orderId)
                .query(String.class)
                .single();
    }

    private String storedCustomer(long orderId) {
        return jdbc.sql("select customer from orders where id = :id")
                .param("id", orderId)
                .query(String.class)
                .single();
    }
}
