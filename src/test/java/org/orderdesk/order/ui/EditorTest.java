package org.orderdesk.order.ui;

import static org.awaitility.Awaitility.await;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.internal.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.orderdesk.IntegrationTest;
import org.orderdesk.TestClock;
import org.orderdesk.event.EventBroadcaster;
import org.orderdesk.lock.LockHolder;
import org.orderdesk.lock.LockInfo;
import org.orderdesk.lock.LockProperties;
import org.orderdesk.lock.LockService;
import org.orderdesk.lock.LockSweeper;
import org.orderdesk.lock.LockUser;
import org.orderdesk.lock.ResourceId;
import org.orderdesk.order.Order;
import org.orderdesk.order.OrderService;
import org.orderdesk.order.OrderSummary;
import org.orderdesk.ui.LivePushMeters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The order editor in a browserless UI, signed in as Alice. Bob and Sam act through the lock
 * service, as their own sessions would; time moves only when a test moves the clock.
 */
@IntegrationTest
@WithUserDetails("alice")
abstract class EditorTest extends SpringBrowserlessTest {

    static final LockUser ALICE = new LockUser("alice", "Alice");
    static final LockUser BOB = new LockUser("bob", "Bob");
    static final LockUser SAM = new LockUser("sam", "Sam");
    static final LockHolder BOBS_TAB = new LockHolder(BOB, "bobs-tab");
    static final LockHolder ALICES_OTHER_TAB = new LockHolder(ALICE, "alices-other-tab");
    static final LockHolder SAMS_TAB = new LockHolder(SAM, "sams-tab");

    @Autowired
    LockService locks;

    @Autowired
    LockSweeper sweeper;

    @Autowired
    LockProperties settings;

    @Autowired
    TestClock clock;

    @Autowired
    OrderService orders;

    @Autowired
    EventBroadcaster broadcaster;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void startWithoutLocks() {
        jdbc.sql("delete from edit_locks").update();
    }

    OrderEditorView edit(long orderId) {
        return navigate("orders/" + orderId + "/edit", OrderEditorView.class);
    }

    Optional<LockInfo> lockOn(long orderId) {
        return locks.find(ResourceId.order(orderId));
    }

    LockInfo heldLock(long orderId) {
        return lockOn(orderId).orElseThrow(() -> new AssertionError("No lock on order " + orderId));
    }

    Order stored(long orderId) {
        return orders.findWithLines(orderId).orElseThrow();
    }

    /** Lets the lease run out: the lock is still there, but no longer live. */
    void letTheLeaseLapse() {
        clock.advance(settings.lease().plusSeconds(1));
    }

    /**
     * Waits until the pushes on their way have been handed to {@code ui.access}, then runs those
     * UI tasks, as the browser would receive them.
     */
    void deliverPushes() {
        await().atMost(Duration.ofSeconds(5)).until(() -> !live().isPushing());
        MockVaadin.clientRoundtrip();
    }

    void advance(Duration duration) {
        clock.advance(duration);
    }

    /** The scripts the server asked the browser to run since the last call, as "expression [parameters]". */
    List<String> scriptCalls() {
        UI.getCurrent().getInternals().getStateTree().runExecutionsBeforeClientResponse();
        return UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                .map(PendingJavaScriptInvocation::getInvocation)
                .map(call -> call.getExpression() + " " + call.getParameters())
                .toList();
    }

    TextField field(String label) {
        return $(TextField.class).withCaption(label).single();
    }

    TextArea notes() {
        return $(TextArea.class).withCaption("Notes").single();
    }

    Button button(String text) {
        return $(Button.class).withText(text).single();
    }

    /** The text of the newest notification: a plain message, or the message of one with actions. */
    String lastNotice() {
        Notification notice = $(Notification.class).last();
        String text = test(notice).getText();
        return text != null && !text.isBlank()
                ? text
                : $(Span.class, notice).all().stream().map(Span::getText).collect(Collectors.joining(" "));
    }

    void click(String buttonText) {
        test(button(buttonText)).click();
    }

    /** The order's total under its lines, with the reason when the form refuses it. */
    String total() {
        return $(Span.class).withClassName("order-total").single().getText();
    }

    /** How many lines the form shows. */
    int lineCount() {
        return $(Div.class)
                .withClassName("order-line")
                .withoutClassName("order-line-header")
                .all()
                .size();
    }

    /** The product of line {@code line} (1 for the first), found by its label as a screen reader reads it. */
    TextField product(int line) {
        return $(TextField.class).withAriaLabel("Product, line " + line).single();
    }

    IntegerField quantity(int line) {
        return $(IntegerField.class).withAriaLabel("Quantity, line " + line).single();
    }

    BigDecimalField unitPrice(int line) {
        return $(BigDecimalField.class)
                .withAriaLabel("Unit price, line " + line)
                .single();
    }

    Button removeLine(int line) {
        return $(Button.class).withAriaLabel("Remove line " + line).single();
    }

    /** The total shown on line {@code line} (1 for the first). */
    String lineTotal(int line) {
        Div row = $(Div.class)
                .withClassName("order-line")
                .withoutClassName("order-line-header")
                .atIndex(line);
        return $(Span.class, row).withClassName("line-total").single().getText();
    }

    /** The lock status above the form, as it reads. */
    String lockStatus() {
        return $(Span.class).withClassName("lock-line").single().getElement().getTextRecursively();
    }

    /** True while the panel that says the lock was lost is shown. */
    boolean lockLostPanelShown() {
        return $(Div.class).withClassName("lock-lost").exists();
    }

    /** Why the lock was lost, as the lost-lock panel says. */
    String lockLostReason() {
        return $(Paragraph.class).withClassName("lock-lost-reason").single().getText();
    }

    /** The lost-lock panel's answer to the last thing the clerk tried there. */
    String lockLostOutcome() {
        return $(Paragraph.class).withClassName("lock-lost-outcome").single().getText();
    }

    /** The "your lock ends in" warning, open or not. */
    Notification expiryWarning() {
        return $(Notification.class).withClassName("lock-expiry-warning").single();
    }

    /** The expiry warning's message with its countdown, as it reads. */
    String expiryWarningText() {
        return $(Span.class, expiryWarning()).all().stream()
                .filter(span -> !span.hasClassName("sr-only") && !span.hasClassName("shortcut-hint"))
                .map(Span::getText)
                .collect(Collectors.joining(" "));
    }

    /** The grid of orders in the current view. */
    @SuppressWarnings("unchecked")
    Grid<OrderSummary> ordersGrid() {
        return $(Grid.class).withClassName("orders-grid").single();
    }

    /** The live-update meters, as an operator reads them. */
    LivePushMeters live() {
        return new LivePushMeters(meters);
    }
}
