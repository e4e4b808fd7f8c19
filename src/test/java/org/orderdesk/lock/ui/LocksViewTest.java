package org.orderdesk.lock.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.internal.MockVaadin;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orderdesk.IntegrationTest;
import org.orderdesk.TestClock;
import org.orderdesk.lock.AcquireOutcome.Acquired;
import org.orderdesk.lock.LockAction;
import org.orderdesk.lock.LockAdministration.AuditLine;
import org.orderdesk.lock.LockAdministration.LiveLock;
import org.orderdesk.lock.LockBreaks;
import org.orderdesk.lock.LockHolder;
import org.orderdesk.lock.LockLosses;
import org.orderdesk.lock.LockService;
import org.orderdesk.lock.LockUser;
import org.orderdesk.lock.ResourceId;
import org.orderdesk.ui.Formats;
import org.orderdesk.ui.LivePushMeters;
import org.orderdesk.ui.ReasonDialog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The Locks view as Sam, the supervisor, sees it. Clerks act through the lock service on threads
 * of their own, as their sessions would; time moves only when a test moves the clock.
 */
@IntegrationTest
@WithUserDetails("sam")
class LocksViewTest extends SpringBrowserlessTest {

    static final ResourceId OD_42 = ResourceId.order(42);
    static final ResourceId OD_43 = ResourceId.order(43);
    static final LockHolder ALICES_TAB = new LockHolder("alice", "Alice", "alices-tab");
    static final LockHolder BOBS_TAB = new LockHolder("bob", "Bob", "bobs-tab");

    @Autowired
    LockService locks;

    @Autowired
    LockBreaks breaks;

    @Autowired
    LockLosses losses;

    @Autowired
    MeterRegistry meters;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void startWithoutLocksOrHistory() {
        jdbc.sql("delete from edit_locks").update();
        jdbc.sql("delete from lock_audit").update();
    }

    @Test
    void listsEveryLiveLockWithOrderHolderTimesAndCountdown() {
        Acquired alices = acquire(OD_42, ALICES_TAB);
        clock.advance(Duration.ofSeconds(20));
        acquire(OD_43, BOBS_TAB);

        open();
        GridTester<?, LiveLock> grid = test(liveLocks());

        assertThat(grid.size()).isEqualTo(2);
        assertThat(List.of(
                        grid.getCellText(0, 0), grid.getCellText(0, 1), grid.getCellText(0, 2), grid.getCellText(0, 3)))
                .containsExactly(
                        "OD-000042", "Alice", Formats.time(alices.acquiredAt()), Formats.time(alices.expiresAt()));
        assertThat(grid.getLitRendererPropertyValue(0, "left", "end", Long.class))
                .isEqualTo(alices.expiresAt().toEpochMilli());
        assertThat(grid.getCellText(1, 0)).isEqualTo("OD-000043");
        assertThat(grid.getCellText(1, 1)).isEqualTo("Bob");
    }

    @Test
    void saysSoWhenNobodyEditsAnOrder() {
        open();
        Grid<LiveLock> grid = liveLocks();

        assertThat(test(grid).size()).isZero();
        assertThat(grid.getEmptyStateText()).isEqualTo("No order is being edited right now");
    }

    @Test
    void locksTakenAndGivenUpElsewhereShowUpLiveAndInTheAuditTrail() {
        open();

        Acquired bobs = elsewhere(() -> acquire(OD_42, BOBS_TAB));
        deliverPushes();

        GridTester<?, LiveLock> grid = test(liveLocks());
        assertThat(grid.size()).isEqualTo(1);
        assertThat(grid.getCellText(0, 0)).isEqualTo("OD-000042");
        assertThat(grid.getCellText(0, 1)).isEqualTo("Bob");
        assertThat(actions()).containsExactly("OD-000042 Acquired Bob by Bob");

        clock.advance(Duration.ofSeconds(30));
        elsewhere(() -> locks.renew(OD_42, BOBS_TAB.holderKey(), bobs.token()));
        deliverPushes();

        assertThat(grid.getCellText(0, 3))
                .isEqualTo(Formats.time(clock.instant().plusSeconds(120)));
        assertThat(grid.getLitRendererPropertyValue(0, "left", "end", Long.class))
                .isEqualTo(clock.instant().plusSeconds(120).toEpochMilli());

        elsewhere(() -> locks.release(OD_42, BOBS_TAB.holderKey(), bobs.token()));
        deliverPushes();

        assertThat(grid.size()).isZero();
        assertThat(actions()).containsExactly("OD-000042 Released Bob by Bob", "OD-000042 Acquired Bob by Bob");
        assertThat(test(auditGrid()).getCellText(1, 6))
                .as("the renewal is counted on the hold's row")
                .isEqualTo("1, last " + Formats.time(clock.instant()));
        assertThat(count()).isEqualTo("2 entries");
    }

    @Test
    void breakingALockTellsItsHolderAtOnceWhoBrokeItAndWhy() {
        Acquired alices = acquire(OD_42, ALICES_TAB);
        open();

        ReasonDialog dialog = askToBreakFirstRow();
        assertThat(dialog.getHeaderTitle()).isEqualTo("Break Alice's lock on order OD-000042?");

        test(reason()).setValue("Customer is on the phone");
        test(breakButton()).click();

        assertThat(locks.find(OD_42)).isEmpty();
        assertThat(test(liveLocks()).size()).isZero();
        assertThat(lastNotification()).isEqualTo("You broke Alice's lock on order OD-000042");
        assertThat(losses.lossOf(OD_42, alices.token()).orElseThrow().message("order OD-000042"))
                .isEqualTo("Lock lost: Sam broke your lock on order OD-000042 (reason: Customer is on the phone)");

        deliverPushes();
        assertThat(actions().getFirst()).isEqualTo("OD-000042 Broken Alice by Sam");
        assertThat(test(auditGrid()).getCellText(0, 5)).isEqualTo("Customer is on the phone");
    }

    @Test
    void breakingNeedsAReason() {
        acquire(OD_42, ALICES_TAB);
        open();
        askToBreakFirstRow();

        test(reason()).setValue("   ");
        test(breakButton()).click();

        assertThat(reason().isInvalid()).isTrue();
        assertThat(reason().getErrorMessage()).isEqualTo("Give a reason: the holder sees it");
        assertThat($(ReasonDialog.class).single().isOpened()).isTrue();
        assertThat(locks.find(OD_42)).isPresent();
        assertThat(test(liveLocks()).size()).isEqualTo(1);
    }

    @Test
    void aLockThatChangedHandsWhileTheSupervisorTypedIsLeftToItsNewHolder() {
        Acquired alices = acquire(OD_42, ALICES_TAB);
        open();
        askToBreakFirstRow();

        elsewhere(() -> locks.release(OD_42, ALICES_TAB.holderKey(), alices.token()));
        acquire(OD_42, BOBS_TAB);
        test(reason()).setValue("Alice went home");
        test(breakButton()).click();

        assertThat(lastNotification())
                .isEqualTo("Alice's lock on order OD-000042 had already ended: nothing was broken");
        assertThat(locks.find(OD_42))
                .hasValueSatisfying(lock -> assertThat(lock.holder()).isEqualTo(BOBS_TAB));
        assertThat(test(liveLocks()).getCellText(0, 1)).isEqualTo("Bob");
    }

    @Test
    void aSupervisorWhoseRoleWasWithdrawnMeanwhileIsToldSoAndTheLockStays() {
        acquire(OD_42, ALICES_TAB);
        open();
        askToBreakFirstRow();
        test(reason()).setValue("Month end");

        jdbc.sql("delete from app_user_roles where role = 'SUPERVISOR'"
                        + " and user_id = (select id from app_users where username = 'sam')")
                .update();
        try {
            test(breakButton()).click();
        } finally {
            jdbc.sql("insert into app_user_roles (user_id, role)"
                            + " select id, 'SUPERVISOR' from app_users where username = 'sam'")
                    .update();
        }

        assertThat(lastNotification()).isEqualTo("Only supervisors may break locks");
        assertThat(locks.find(OD_42)).isPresent();
        assertThat(test(liveLocks()).size()).isEqualTo(1);
    }

    @Test
    void theAuditTrailFiltersByOrderTypedEitherWay() {
        aLittleHistory();
        open();

        test(orderFilter()).setValue("OD-000042");

        assertThat(actions()).containsExactly("OD-000042 Released Alice by Alice", "OD-000042 Acquired Alice by Alice");
        assertThat(count()).isEqualTo("2 entries");

        test(orderFilter()).setValue(" 43 ");

        assertThat(actions()).containsExactly("OD-000043 Acquired Bob by Bob");
        assertThat(orderFilter().isInvalid()).isFalse();
    }

    @Test
    void anUnknownOrderIsMarkedAndMatchesNothing() {
        aLittleHistory();
        open();

        test(orderFilter()).setValue("OD-999999");

        assertThat(orderFilter().isInvalid()).isTrue();
        assertThat(orderFilter().getErrorMessage()).isEqualTo("No order OD-999999 found");
        assertThat(test(auditGrid()).size()).isZero();
        assertThat(count()).isEqualTo("0 entries");

        test(orderFilter()).clear();

        assertThat(orderFilter().isInvalid()).isFalse();
        assertThat(test(auditGrid()).size()).isEqualTo(3);
    }

    @Test
    void theAuditTrailFiltersByUserAsHolderOrActor() {
        aLittleHistory();
        acquire(ResourceId.order(44), ALICES_TAB);
        breaks.breakLock(
                ResourceId.order(44),
                locks.find(ResourceId.order(44)).orElseThrow().token(),
                new LockUser("sam", "Sam"),
                "Month end");
        open();

        assertThat(test(userFilter()).getSuggestions()).contains("Alice (alice)", "Bob (bob)", "Sam (sam)");
        test(userFilter()).selectItem("Bob (bob)");

        assertThat(actions()).containsExactly("OD-000043 Acquired Bob by Bob");

        test(userFilter()).selectItem("Sam (sam)");

        assertThat(actions()).containsExactly("OD-000044 Broken Alice by Sam");

        test(orderFilter()).setValue("42");

        assertThat(actions()).isEmpty();
    }

    @Test
    void theAuditTrailLoadsPageByPageNewestFirst() {
        for (int hold = 0; hold < 30; hold++) {
            Acquired alices = acquire(OD_42, ALICES_TAB);
            clock.advance(Duration.ofSeconds(30));
            locks.release(OD_42, ALICES_TAB.holderKey(), alices.token());
            clock.advance(Duration.ofSeconds(30));
        }
        open();

        GridTester<?, AuditLine> grid = test(auditGrid());

        assertThat(grid.size()).isEqualTo(60);
        assertThat(count()).isEqualTo("60 entries");
        assertThat(grid.getCellText(0, 0))
                .isEqualTo(Formats.timestamp(clock.instant().minusSeconds(30)));
        assertThat(grid.getCellText(0, 2)).isEqualTo("Released");
        List<AuditLine> all = new ArrayList<>();
        for (int row = 0; row < 60; row++) {
            all.add(grid.getRow(row));
        }
        assertThat(all).extracting(line -> line.entry().at()).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(all.getLast().entry().action()).isEqualTo(LockAction.ACQUIRED);
    }

    @Test
    void theHoldsRowSaysHowOftenItWasRenewedAndWhenLast() {
        Acquired alices = acquire(OD_42, ALICES_TAB);
        for (int renewal = 0; renewal < 3; renewal++) {
            clock.advance(Duration.ofSeconds(30));
            locks.renew(OD_42, ALICES_TAB.holderKey(), alices.token());
        }
        Instant lastRenewal = clock.instant();
        clock.advance(Duration.ofSeconds(5));
        acquire(OD_43, BOBS_TAB);
        open();

        GridTester<?, AuditLine> grid = test(auditGrid());

        assertThat(actions()).containsExactly("OD-000043 Acquired Bob by Bob", "OD-000042 Acquired Alice by Alice");
        assertThat(grid.getCellText(1, 6)).isEqualTo("3, last " + Formats.time(lastRenewal));
        assertThat(grid.getCellText(0, 6)).as("Bob's hold was not renewed yet").isEmpty();
        assertThat(count()).isEqualTo("2 entries");
    }

    /** Alice held order 42 for a while; Bob holds 43. */
    private void aLittleHistory() {
        Acquired alices = acquire(OD_42, ALICES_TAB);
        clock.advance(Duration.ofSeconds(30));
        locks.renew(OD_42, ALICES_TAB.holderKey(), alices.token());
        clock.advance(Duration.ofSeconds(30));
        locks.release(OD_42, ALICES_TAB.holderKey(), alices.token());
        clock.advance(Duration.ofSeconds(30));
        acquire(OD_43, BOBS_TAB);
    }

    private void open() {
        navigate(LocksView.class);
    }

    private Acquired acquire(ResourceId resource, LockHolder holder) {
        return (Acquired) locks.acquire(resource, holder);
    }

    /** Runs a clerk's lock step on a thread of its own, as their session would. */
    private static <T> T elsewhere(Supplier<T> step) {
        return CompletableFuture.supplyAsync(step).join();
    }

    /** Waits until the pushes are on their way, then runs them as the browser's next round trip would. */
    private void deliverPushes() {
        await().atMost(Duration.ofSeconds(5)).until(() -> !live().isPushing());
        MockVaadin.clientRoundtrip();
    }

    private ReasonDialog askToBreakFirstRow() {
        test(liveLocks()).invokeLitRendererFunction(0, "break", "breakLock");
        return $(ReasonDialog.class).single();
    }

    private TextArea reason() {
        return $(TextArea.class).withCaption("Reason").single();
    }

    private Button breakButton() {
        return $(Button.class).withText("Break lock").single();
    }

    private String lastNotification() {
        return test($(Notification.class).last()).getText();
    }

    /** The audit trail's rows as "order action holder by actor", newest first. */
    private List<String> actions() {
        GridTester<?, AuditLine> grid = test(auditGrid());
        List<String> rows = new ArrayList<>();
        for (int row = 0; row < grid.size(); row++) {
            rows.add(grid.getCellText(row, 1) + " " + grid.getCellText(row, 2) + " " + grid.getCellText(row, 3) + " by "
                    + grid.getCellText(row, 4));
        }
        return rows;
    }

    /** The count label follows the grid's own count, which is settled when the server responds. */
    private String count() {
        roundTrip();
        return $(Span.class).withClassName("audit-count").single().getText();
    }

    @SuppressWarnings("unchecked")
    private Grid<LiveLock> liveLocks() {
        return $(Grid.class).withClassName("live-locks").single();
    }

    @SuppressWarnings("unchecked")
    private Grid<AuditLine> auditGrid() {
        return $(Grid.class).withClassName("audit-grid").single();
    }

    /** The audit trail's order filter, by the label a screen reader reads. */
    private TextField orderFilter() {
        return $(TextField.class).withAriaLabel("Order").single();
    }

    @SuppressWarnings("unchecked")
    private ComboBox<LockUser> userFilter() {
        return $(ComboBox.class).withAriaLabel("User").single();
    }

    /** The live-update meters, as an operator reads them. */
    LivePushMeters live() {
        return new LivePushMeters(meters);
    }
}
