package org.orderdesk.order.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orderdesk.event.Subscription;
import org.orderdesk.lock.LockEvent;
import org.orderdesk.ui.Formats;

/**
 * The server's own limits on the editor's renewal calls, whatever calls them: the browser's
 * script or a script typed into the console. Only the calls the limits let through reach the
 * lock engine, and so the database, the audit trail and everyone's screens.
 */
class OrderEditorRenewalLimitTest extends EditorTest {

    private final List<LockEvent.Renewed> renewedEvents = new CopyOnWriteArrayList<>();
    private Subscription recording;
    /** When the clerk last did anything, as the browser reports it. */
    private Instant idleSince = Instant.EPOCH;

    @BeforeEach
    void recordRenewedEvents() {
        recording = broadcaster.subscribe(LockEvent.Renewed.class, renewedEvents::add);
    }

    @AfterEach
    void stopRecording() {
        recording.cancel();
    }

    @Test
    void aFloodOfRenewalCallsReachesTheDatabaseOncePerHalfRenewInterval() {
        OrderEditorView editor = edit(601);
        long token = heldLock(601).token();

        // Ten calls a second for a minute, each saying the clerk is active right now.
        for (int call = 0; call < 600; call++) {
            advance(Duration.ofMillis(100));
            editor.renewLock(0);
        }

        // The acquire set the lease at 0 s; renewals are let through at 15, 30, 45 and 60 s.
        assertThat(renewedEvents).hasSize(4);
        assertThat(auditRowsOf(token)).isEqualTo(1);
        assertThat(renewalsCountedFor(token)).isEqualTo(4);
        assertThat(lastRenewalOf(token)).isEqualTo(clock.instant());
        assertThat(heldLock(601).expiresAt()).isEqualTo(clock.instant().plus(settings.lease()));
    }

    @Test
    void anIdleClerksRenewalsAreRefusedAndTheExpiryWarningComesAsWithoutRenewals() {
        OrderEditorView editor = edit(602);
        long token = heldLock(602).token();
        test(notes()).setValue("Call the customer first");

        renewWithoutActivityUntilRefused(editor);

        assertThat(renewedEvents).as("renewals up to the idle timeout").hasSize(10);
        assertThat(renewalsCountedFor(token)).isEqualTo(10);
        Instant leaseEnds = heldLock(602).expiresAt();
        assertThat(leaseEnds).isEqualTo(lastRenewalOf(token).plus(settings.lease()));
        assertThat(lockStatus())
                .as("the status bar still tells when the lease really ends")
                .startsWith("You are editing · lock ends " + Formats.time(leaseEnds));

        advance(Duration.between(clock.instant(), leaseEnds.minus(settings.warnBefore())));
        editor.renewLock(idleSinceStart());
        sweeper.sweep();
        deliverPushes();

        assertThat(renewedEvents).hasSize(10);
        assertThat(expiryWarning().isOpened()).isTrue();
        assertThat(notes().getValue()).isEqualTo("Call the customer first");
        assertThat(test(notes()).isUsable()).isTrue();

        click("Keep editing");

        assertThat(renewedEvents).as("Keep editing is activity the server sees").hasSize(11);
        assertThat(heldLock(602).expiresAt()).isEqualTo(clock.instant().plus(settings.lease()));
        assertThat(expiryWarning().isOpened()).isFalse();
    }

    @Test
    void aRefusedRenewalChangesNothingTheClerkSees() {
        OrderEditorView editor = edit(603);
        renewWithoutActivityUntilRefused(editor);
        String statusBefore = lockStatus();
        scriptCalls();

        advance(settings.renewInterval());
        editor.renewLock(idleSinceStart());

        assertThat(scriptCalls())
                .as("no new countdown for a lease that did not move")
                .isEmpty();
        assertThat(lockStatus()).isEqualTo(statusBefore);
        assertThat(lockLostPanelShown()).isFalse();
    }

    @Test
    void aChangedValueIsActivityWhateverTheBrowserLastReported() {
        OrderEditorView editor = edit(604);
        renewWithoutActivityUntilRefused(editor);

        test(notes()).setValue("Typed, and sent to the server");
        advance(settings.renewInterval());
        editor.renewLock(idleSinceStart());

        assertThat(renewedEvents).hasSize(11);
    }

    @Test
    void aSaveIsActivityWhateverTheBrowserLastReported() {
        OrderEditorView editor = edit(605);
        renewWithoutActivityUntilRefused(editor);

        click("Save");
        advance(settings.renewInterval());
        editor.renewLock(idleSinceStart());

        assertThat(renewedEvents).hasSize(11);
    }

    /**
     * Renews every renew interval, telling the truth about a clerk who does nothing from now on:
     * the calls are accepted up to the idle timeout (5 minutes, 10 renewals), and the next is not.
     */
    private void renewWithoutActivityUntilRefused(OrderEditorView editor) {
        idleSince = clock.instant();
        for (int renewal = 0; renewal <= 10; renewal++) {
            advance(settings.renewInterval());
            editor.renewLock(idleSinceStart());
        }
    }

    private double idleSinceStart() {
        return Duration.between(idleSince, clock.instant()).toMillis();
    }

    private long auditRowsOf(long token) {
        return jdbc.sql("select count(*) from lock_audit where token = :token")
                .param("token", token)
                .query(Long.class)
                .single();
    }

    private int renewalsCountedFor(long token) {
        return jdbc.sql("select renewals from lock_audit where token = :token and action = 'ACQUIRED'")
                .param("token", token)
                .query(Integer.class)
                .single();
    }

    private Instant lastRenewalOf(long token) {
        return jdbc.sql("select last_renewed_at from lock_audit where token = :token and action = 'ACQUIRED'")
                .param("token", token)
                .query((rs, row) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .single();
    }
}
