package org.orderdesk.lock.ui;

import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.orderdesk.database.DatabaseAvailability;
import org.orderdesk.event.Resynchronised;
import org.orderdesk.lock.LockAdministration;
import org.orderdesk.lock.LockAdministration.LiveLock;
import org.orderdesk.lock.LockEvent;
import org.orderdesk.lock.LockInfo;
import org.orderdesk.lock.LockTakeOvers;
import org.orderdesk.lock.ResourceId;
import org.orderdesk.security.Role;
import org.orderdesk.ui.Countdown;
import org.orderdesk.ui.LiveDataPaused;
import org.orderdesk.ui.LiveLockTable;
import org.orderdesk.ui.LiveUpdates;
import org.orderdesk.ui.Notices;
import org.orderdesk.ui.ReasonDialog;
import org.springframework.security.access.AccessDeniedException;

/**
 * Supervisors' view of edit locks: every live lock, kept current by push, with a way to break it
 * with a reason, and the lock audit trail. Nothing here polls the database: lock events update
 * the list and tell the audit trail to look again.
 */
@Route("locks")
@Menu(order = 1, title = "Locks", icon = "vaadin:lock")
@PageTitle("Locks · Order Desk")
@RolesAllowed(Role.SUPERVISOR_ROLE)
@JavaScript(Countdown.SCRIPT)
class LocksView extends VerticalLayout {

    private final LockAdministration administration;
    private final LiveLocksGrid liveLocks = new LiveLocksGrid(this::confirmBreak);
    private final AuditTrail auditTrail;
    /** Names of the orders seen so far, so that each is looked up once; UI thread only. */
    private final Map<ResourceId, String> names = new HashMap<>();
    /** The live locks, brought up to date by each lock event on the thread that committed it. */
    private final LiveLockTable table;
    /** Set on committing threads, cleared in the UI: the trail has entries it does not show yet. */
    private volatile boolean auditStale;

    LocksView(LockAdministration administration, LiveUpdates liveUpdates, DatabaseAvailability database) {
        this.administration = administration;
        this.auditTrail = new AuditTrail(administration);
        this.table = new LiveLockTable(this, liveUpdates);
        addClassName("locks-view");
        setSizeFull();

        add(new H2("Locks"), new LiveDataPaused(database, liveUpdates), new H3("Live locks"), liveLocks, auditTrail);
        setFlexGrow(1, liveLocks);
        setFlexGrow(2, auditTrail);

        // Events of one push come together: one refresh shows them all.
        table.follow(
                event -> true,
                this::isAuditNews,
                event -> "locks",
                event -> showChanges(),
                this::load,
                this::showLiveLocks);
        // The table reloads itself after a resynchronisation; the trail may lack entries written meanwhile.
        liveUpdates.whileAttached(
                this, Resynchronised.class, resync -> true, resync -> "resynchronised", resync -> auditTrail.refresh());
    }

    /**
     * Runs on the committing thread. Renewals, every editor's twice a minute, move only a
     * countdown; the audit trail is read again for the events that change who holds what or ask
     * for it, so that an open Locks view does not re-count the trail on every renewal.
     */
    private boolean isAuditNews(LockEvent event) {
        boolean auditNews = !(event instanceof LockEvent.Renewed) && !(event instanceof LockEvent.Expiring);
        if (auditNews) {
            auditStale = true;
        }
        return auditNews;
    }

    private List<LockInfo> load() {
        List<LiveLock> live = administration.liveLocks();
        live.forEach(lock -> names.put(lock.lock().resource(), lock.resourceName()));
        return live.stream().map(LiveLock::lock).toList();
    }

    private void showChanges() {
        showLiveLocks();
        if (auditStale) {
            auditStale = false;
            auditTrail.refresh();
        }
    }

    private void showLiveLocks() {
        List<LockInfo> live = table.all();
        List<ResourceId> unnamed = live.stream()
                .map(LockInfo::resource)
                .filter(resource -> !names.containsKey(resource))
                .toList();
        if (!unnamed.isEmpty()) {
            names.putAll(administration.namesOf(unnamed));
        }
        liveLocks.show(live.stream()
                .map(lock -> new LiveLock(lock, names.get(lock.resource())))
                .toList());
    }

    private void confirmBreak(LiveLock row) {
        String holder = row.lock().holder().displayName();
        String order = "order " + row.resourceName();
        new ReasonDialog(
                        "Break " + holder + "'s lock on " + order + "?",
                        holder + " is told at once that you broke the lock, and why. " + holder
                                + "'s unsaved changes stay in the form, but can no longer be saved without the lock.",
                        "Break lock",
                        LockTakeOvers.REASON_MAX_LENGTH,
                        reason -> breakLock(row, reason))
                .open();
    }

    /** Breaks the hold shown in {@code row}: a lock that changed hands meanwhile is left alone. */
    private void breakLock(LiveLock row, String reason) {
        String order = "order " + row.resourceName();
        try {
            LockInfo lock = row.lock();
            if (administration.breakLock(lock.resource(), lock.token(), reason)) {
                tell(
                        "You broke " + lock.holder().displayName() + "'s lock on " + order,
                        NotificationVariant.LUMO_SUCCESS);
            } else {
                tell(
                        lock.holder().displayName() + "'s lock on " + order + " had already ended: nothing was broken",
                        NotificationVariant.LUMO_CONTRAST);
            }
        } catch (AccessDeniedException denied) {
            tell("Only supervisors may break locks", NotificationVariant.LUMO_ERROR);
        } catch (IllegalArgumentException refused) {
            tell(refused.getMessage(), NotificationVariant.LUMO_ERROR);
        }
        // The event was applied on this thread as the break committed: show it without waiting for the push.
        showLiveLocks();
    }

    private void tell(String message, NotificationVariant variant) {
        Notices.show(this, message, variant);
    }
}
