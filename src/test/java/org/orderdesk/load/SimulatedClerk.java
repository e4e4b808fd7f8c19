package org.orderdesk.load;

import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.orderdesk.event.EventBroadcaster;
import org.orderdesk.event.Subscription;
import org.orderdesk.lock.JoinOutcome;
import org.orderdesk.lock.LockEvent;
import org.orderdesk.lock.LockHolder;
import org.orderdesk.lock.LockLoss;
import org.orderdesk.lock.LockProperties;
import org.orderdesk.lock.LockUser;
import org.orderdesk.lock.ReleaseAnswer;
import org.orderdesk.lock.ReleaseRequest;
import org.orderdesk.lock.ResourceId;
import org.orderdesk.order.EditSession;
import org.orderdesk.order.EditSession.SaveOutcome;
import org.orderdesk.order.EditSession.Update;
import org.orderdesk.order.EditStart;
import org.orderdesk.order.OrderDraft;
import org.orderdesk.order.OrderEditing;
import org.orderdesk.order.OrderLockBoard;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * One clerk, on a thread of its own, working as the editor and the order views do, through the
 * same services: opens a random hot order; when it holds it, types and saves a few times and
 * closes it (sometimes cancelling, sometimes walking away until the lease lapses); when another
 * clerk holds it, asks them to release it or joins its line and waits for their turn, or moves on.
 * Lock events reach the clerk as they reach a view: a subscription puts the ones that concern it
 * in an inbox that the clerk's own thread works through, as {@code ui.access} would.
 */
final class SimulatedClerk implements Runnable {

    private static final long NOT_WAITING = -1;

    private final int number;
    private final String username;
    private final ConfigurableApplicationContext node;
    private final OrderEditing editing;
    private final OrderLockBoard board;
    private final EventBroadcaster events;
    private final LockProperties settings;
    private final LoadProfile profile;
    private final LoadLog log;
    private final RunWindow window;
    private final SplittableRandom random;

    private final BlockingQueue<LockEvent> inbox = new LinkedBlockingQueue<>();
    private final ArrayDeque<Update> updates = new ArrayDeque<>();

    /** Read by the threads that commit lock changes, to decide what reaches the inbox. */
    private volatile @Nullable EditSession session;

    private @Nullable Subscription subscription;
    private String sessionId = "";
    private int saves;

    /** The order whose line the clerk waits in, and whether they were told it is their turn. */
    private volatile long waitingFor = NOT_WAITING;

    private boolean toldTurn;
    /** Set while the clerk has walked away from the editor: nobody answers requests. */
    private boolean away;
    /** The holder agreed to let the order go: the clerk stops editing after this step. */
    private boolean finishing;

    SimulatedClerk(
            int number, ConfigurableApplicationContext node, LoadProfile profile, LoadLog log, RunWindow window) {
        this.number = number;
        this.username = ClerkAccounts.username(number);
        this.node = node;
        this.editing = node.getBean(OrderEditing.class);
        this.board = node.getBean(OrderLockBoard.class);
        this.events = node.getBean(EventBroadcaster.class);
        this.settings = node.getBean(LockProperties.class);
        this.profile = profile;
        this.log = log;
        this.window = window;
        this.random = new SplittableRandom(number);
    }

    @Override
    public void run() {
        signIn();
        startSession();
        int orders = 0;
        try {
            while (window.open()) {
                pause(profile.thinkTime());
                if (!window.open()) {
                    break;
                }
                work(profile.hotOrder(random.nextInt(profile.hotOrders())));
                if (profile.cyclesPerSession() > 0 && ++orders % profile.cyclesPerSession() == 0) {
                    endSession();
                    startSession();
                }
            }
        } finally {
            stop();
        }
    }

    /** The clerk's requests carry their sign-in, as a view's do: the services read who acts from it. */
    private void signIn() {
        UserDetails user = node.getBean(UserDetailsService.class).loadUserByUsername(username);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
    }

    private void startSession() {
        sessionId = "load-" + username + "-" + UUID.randomUUID();
        LockHolder holder = new LockHolder(
                username, ClerkAccounts.displayName(number), UUID.randomUUID().toString());
        session = editing.session(holder, updates::add);
        subscription = events.subscribe(LockEvent.class, this::offer);
    }

    /** Runs on whichever thread committed the change: only decides whether the clerk hears of it. */
    private void offer(LockEvent event) {
        EditSession current = session;
        boolean mine = switch (event) {
            case LockEvent.Reserved reserved -> isMe(reserved.user());
            case LockEvent.ReservationEnded ended -> isMe(ended.user());
            case LockEvent.ReleaseAnswered answered -> isMe(answered.requester());
            default -> current != null && current.concerns(event);
        };
        if (mine) {
            inbox.add(event);
        }
    }

    private boolean isMe(LockUser user) {
        return user.username().equals(username);
    }

    private void work(long orderId) {
        try {
            EditStart start = log.timed(Operation.OPEN, () -> session().open(orderId, sessionId));
            switch (start) {
                case EditStart.Editing ignored -> {
                    log.expected(Operation.OPEN, "editing");
                    edit(orderId);
                }
                case EditStart.LockedByOther ignored -> {
                    log.expected(Operation.OPEN, "locked by another clerk");
                    whenTaken(orderId, true);
                }
                case EditStart.ReservedForOther ignored -> {
                    log.expected(Operation.OPEN, "reserved for another clerk");
                    whenTaken(orderId, false);
                }
                case EditStart.OpenInOtherTab ignored ->
                    log.unexpected(username, Operation.OPEN, "open in another tab");
                case EditStart.NotFound ignored -> log.unexpected(username, Operation.OPEN, "order not found");
            }
        } catch (RuntimeException error) {
            log.unexpected(username, "working on order " + orderId, error);
            letGo();
        }
    }

    /** Types and saves one to three times, then closes the editor; or cancels, or walks away. */
    private void edit(long orderId) {
        int steps = 1 + random.nextInt(3);
        boolean cancels = random.nextInt(10) == 0;
        boolean walksAway = random.nextInt(50) == 0;
        finishing = false;
        for (int step = 0; step < steps && session().holding() && !finishing && window.open(); step++) {
            pause(profile.thinkTime()); // typing
            if (!session().holding()) {
                break;
            }
            log.timed(Operation.RENEW, session()::keepEditing);
            drainUpdates();
            if (!session().holding() || (cancels && step == steps - 1)) {
                break;
            }
            save(orderId);
        }
        if (walksAway && session().holding() && window.open()) {
            walkAway();
        }
        close();
    }

    private void save(long orderId) {
        EditSession current = session();
        OrderDraft draft = OrderDraft.of(current.order().orElseThrow());
        draft.setNotes(username + " save " + ++saves);
        current.activity();
        SaveOutcome outcome = log.timed(Operation.SAVE, () -> current.save(draft));
        drainUpdates();
        switch (outcome) {
            case SaveOutcome.Saved saved -> {
                log.accepted(new AcceptedSave(
                        orderId,
                        saved.order().getVersion(),
                        String.valueOf(saved.order().getNotes()),
                        username));
                log.expected(Operation.SAVE, "saved");
            }
            case SaveOutcome.LockLost lost -> lockLost(Operation.SAVE, lost.loss());
            case SaveOutcome.OrderChanged ignored -> log.expected(Operation.SAVE, "order changed");
            case SaveOutcome.Invalid invalid ->
                log.unexpected(
                        username,
                        Operation.SAVE,
                        "refused: " + invalid.refused().getMessage());
            case SaveOutcome.Failed failed ->
                log.unexpected(
                        username, Operation.SAVE, "failed: " + failed.failed().getMessage());
            case SaveOutcome.Unconfirmed unconfirmed ->
                log.unexpected(username, Operation.SAVE, "refused: the database did not answer a step before");
        }
    }

    /**
     * The clerk leaves the editor open without touching it: the lease lapses, the sweeper ends
     * it, and the editor must be told. Waits for that at most one lease and two sweeps, plus time
     * for the event to cross to another node.
     */
    private void walkAway() {
        away = true;
        try {
            Duration told = session()
                    .remaining()
                    .plus(settings.sweepInterval().multipliedBy(2))
                    .plusSeconds(10);
            if (awaitInbox(told, () -> !session().holding() || !window.open())) {
                if (!window.open() && session().holding()) {
                    return;
                }
                log.expected(Operation.RENEW, "walked away: told the lease lapsed");
            } else if (window.open()) {
                log.unexpected(username, Operation.RENEW, "walked away: not told the lease lapsed within " + told);
            }
        } finally {
            away = false;
        }
    }

    private void close() {
        if (session().holding()) {
            log.timed(Operation.RELEASE, session()::release);
        } else {
            session().release(); // forgets a lost hold
        }
    }

    /** The order is someone else's now: ask them for it, wait in its line, or move on. */
    private void whenTaken(long orderId, boolean held) {
        int choice = random.nextInt(10);
        String orderNumber = board.orderNumberOf(orderId).orElseThrow();
        if (held && choice < 3) {
            waitingFor = orderId;
            ReleaseRequest asked = log.timed(Operation.ASK, () -> board.askToRelease(orderId, orderNumber, sessionId));
            switch (asked) {
                case ReleaseRequest.Sent ignored -> {
                    // Asking joins the line, unless the holder let go in between and nobody waits.
                    if (board.waitFor(orderId, sessionId).isPresent()) {
                        log.expected(Operation.ASK, "sent");
                        waitInLine(orderId);
                    } else {
                        log.expected(Operation.ASK, "sent; the order was free before joining its line");
                    }
                }
                case ReleaseRequest.TooSoon ignored -> log.expected(Operation.ASK, "too soon to ask again");
                case ReleaseRequest.NobodyToAsk ignored -> log.expected(Operation.ASK, "nobody to ask");
            }
        } else if (choice < 7) {
            waitingFor = orderId;
            JoinOutcome joined = log.timed(Operation.JOIN, () -> board.notifyWhenFree(orderId, orderNumber, sessionId));
            switch (joined) {
                case JoinOutcome.InLine ignored -> {
                    log.expected(Operation.JOIN, "in line");
                    waitInLine(orderId);
                }
                case JoinOutcome.YourTurn ignored -> {
                    log.expected(Operation.JOIN, "your turn");
                    toldTurn = true;
                    waitInLine(orderId);
                }
                case JoinOutcome.Free ignored -> log.expected(Operation.JOIN, "free already");
                case JoinOutcome.HeldByYou ignored -> log.unexpected(username, Operation.JOIN, "held by you");
            }
        }
        waitingFor = NOT_WAITING;
        toldTurn = false;
    }

    /**
     * Waits for the turn until patience runs out. A clerk who is no longer in line by then must
     * have been told their turn: the event may still be crossing from another node, so it gets a
     * few more seconds before the wait counts as untold.
     */
    private void waitInLine(long orderId) {
        awaitInbox(profile.patience(), () -> toldTurn || !window.open());
        if (!toldTurn && !window.open()) {
            log.waitEnded(WaitEnd.RUN_ENDED);
            leave(orderId);
            return;
        }
        if (!toldTurn && board.placeInLine(orderId, username).isPresent()) {
            log.waitEnded(WaitEnd.GAVE_UP_IN_LINE);
            leave(orderId);
            return;
        }
        if (!toldTurn && !awaitInbox(Duration.ofSeconds(5), () -> toldTurn)) {
            log.waitEnded(WaitEnd.UNTOLD);
            log.unexpected(
                    username,
                    Operation.JOIN,
                    "wait for order " + orderId + " ended untold: not in line, reservation "
                            + board.currentReservation(orderId)
                                    .map(r -> r.user().username())
                                    .orElse("none")
                            + ", lock "
                            + board.currentLock(orderId)
                                    .map(l -> l.holder().username())
                                    .orElse("free"));
            leave(orderId);
            return;
        }
        log.waitEnded(WaitEnd.TOLD_TURN);
        waitingFor = NOT_WAITING;
        board.forgetWait(orderId, sessionId);
        EditStart start = log.timed(Operation.OPEN, () -> session().open(orderId, sessionId));
        if (start instanceof EditStart.Editing) {
            log.expected(Operation.OPEN, "editing on my turn");
            edit(orderId);
        } else {
            // The turn lapsed before the clerk came (a slow node), or it went to a supervisor.
            log.expected(Operation.OPEN, "turn missed: " + start.getClass().getSimpleName());
            leave(orderId);
        }
    }

    private void leave(long orderId) {
        log.timed(Operation.LEAVE, () -> board.stopNotifying(orderId, sessionId));
    }

    /**
     * Pacing of the load generator: the clerk spends {@code mean} (0.5 to 1.5 times it) doing
     * nothing but hearing lock events, as an open editor or view would.
     */
    private void pause(Duration mean) {
        long millis = (long) (mean.toMillis() * (0.5 + random.nextDouble()));
        awaitInbox(Duration.ofMillis(millis), () -> false);
    }

    /** Works through the inbox until {@code done} or {@code limit} has passed; whether it was done. */
    private boolean awaitInbox(Duration limit, BooleanSupplier done) {
        long end = System.nanoTime() + limit.toNanos();
        try {
            while (!done.getAsBoolean()) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                LockEvent event = inbox.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(250)), TimeUnit.NANOSECONDS);
                if (event != null) {
                    handle(event);
                }
            }
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void handle(LockEvent event) {
        switch (event) {
            case LockEvent.Reserved reserved -> {
                if (reserved.resource().equals(ResourceId.order(waitingFor))) {
                    toldTurn = true;
                }
            }
            case LockEvent.ReservationEnded ignored -> {
                // The turn ended (used, declined or lapsed): the clerk acts on its own answers.
            }
            case LockEvent.ReleaseAnswered answered ->
                log.expected(Operation.ASK, "told the answer " + answered.answer());
            default -> {
                session().onLockEvent(event);
                drainUpdates();
            }
        }
    }

    /** What the editor would show: a request to release is answered, a loss is counted. */
    private void drainUpdates() {
        for (Update update = updates.poll(); update != null; update = updates.poll()) {
            switch (update) {
                case Update.ReleaseRequested requested -> answer(requested.requester());
                case Update.Lost lost -> lockLost(Operation.RENEW, lost.loss());
                case Update.Expiring ignored -> log.expected(Operation.RENEW, "told the lease ends soon");
                default -> {
                    // Held, renewed, released, reminded: nothing to decide.
                }
            }
        }
    }

    /** The holder lets the order go after this step, or asks for more time, or says not now. */
    private void answer(LockUser requester) {
        if (away) {
            return;
        }
        ReleaseAnswer answer = switch (random.nextInt(3)) {
            case 0 -> {
                finishing = true;
                yield null;
            }
            case 1 -> ReleaseAnswer.MORE_TIME;
            default -> ReleaseAnswer.NOT_NOW;
        };
        if (answer == null) {
            log.expected(Operation.ANSWER, "letting go");
            return;
        }
        boolean sent = log.timed(Operation.ANSWER, () -> session().answer(requester, answer, ""));
        log.expected(Operation.ANSWER, sent ? "answered " + answer : "request no longer stands");
    }

    /** A lapse, a supervisor or the end of the session may end a hold; another tab may not, there is none. */
    private void lockLost(Operation operation, LockLoss loss) {
        switch (loss.reason()) {
            case EXPIRED, TAKEN_OVER, BROKEN, RELEASED -> log.expected(operation, "lock lost: " + loss.reason());
            case MOVED, UNKNOWN -> log.unexpected(username, operation, "lock lost: " + loss.reason());
        }
    }

    /** After an unexpected error: whatever the clerk held or waited for goes. */
    private void letGo() {
        try {
            session().release();
            if (waitingFor != NOT_WAITING) {
                leave(waitingFor);
            }
        } catch (RuntimeException error) {
            log.unexpected(username, "letting go after an error", error);
        }
        waitingFor = NOT_WAITING;
    }

    /**
     * The run is over: half the clerks close their editor, the others leave it open and their
     * session simply ends, which must release the lock all the same.
     */
    private void stop() {
        try {
            if (session().holding() && random.nextBoolean()) {
                close();
            }
            endSession();
        } catch (RuntimeException error) {
            log.unexpected(username, "stopping", error);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** The clerk's HTTP session ends as the servlet container ends one: every session listener hears of it. */
    private void endSession() {
        Optional.ofNullable(subscription).ifPresent(Subscription::cancel);
        inbox.clear();
        updates.clear();
        MockHttpSession ended = new MockHttpSession(null, sessionId);
        List<HttpSessionListener> listeners = node.getBeansOfType(HttpSessionListener.class).values().stream()
                .filter(listener ->
                        AopUtils.getTargetClass(listener).getPackageName().startsWith("org.orderdesk"))
                .toList();
        log.timed(
                Operation.SESSION_END,
                () -> listeners.forEach(listener -> listener.sessionDestroyed(new HttpSessionEvent(ended))));
        session = null;
    }

    private EditSession session() {
        if (session == null) {
            throw new IllegalStateException(username + " has no session");
        }
        return session;
    }
}
