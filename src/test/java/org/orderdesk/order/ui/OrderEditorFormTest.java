package org.orderdesk.order.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orderdesk.lock.LockInfo;
import org.orderdesk.order.Order;
import org.orderdesk.order.OrderLine;
import org.orderdesk.order.OrderStatus;
import org.orderdesk.order.OrderSummary;

/** The form, its validation, Save / Save & close / Cancel, and the ways in. */
class OrderEditorFormTest extends EditorTest {

    @Test
    void editsHeaderAndLinesRecomputesTheTotalAndSavesWithCtrlSUnderTheSameLock() {
        OrderEditorView editor = edit(201);
        LockInfo lock = heldLock(201);
        Order before = stored(201);
        int linesBefore = before.getLines().size();

        test(field("Customer")).setValue("Nordwind Traders");
        test($(Select.class).withCaption("Status").single()).selectItem("Confirmed");
        LocalDate orderDate = before.getOrderDate().plusDays(1);
        test(datePicker("Order date")).setValue(orderDate);
        test(datePicker("Requested delivery")).setValue(orderDate.plusDays(10));
        test(notes()).setValue("Deliver to the back door");
        quantity(1).setValue(5);
        unitPrice(1).setValue(new BigDecimal("10.00"));
        test(removeLine(lineCount())).click();
        click("Add line");
        int added = lineCount();
        test(product(added)).setValue("Brass hinge");
        quantity(added).setValue(3);
        unitPrice(added).setValue(new BigDecimal("2.50"));

        BigDecimal expectedTotal = expectedTotal(before, new BigDecimal("50.00"), new BigDecimal("7.50"));
        assertThat(total()).isEqualTo("Total " + money(expectedTotal));
        assertThat(lineTotal(added)).isEqualTo("7.50");

        fireShortcut(Key.KEY_S, KeyModifier.CONTROL);

        Order saved = stored(201);
        assertThat(saved.getVersion()).isGreaterThan(before.getVersion());
        assertThat(saved.getCustomer()).isEqualTo("Nordwind Traders");
        assertThat(saved.getStatus()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(saved.getOrderDate()).isEqualTo(orderDate);
        assertThat(saved.getRequestedDeliveryDate()).isEqualTo(orderDate.plusDays(10));
        assertThat(saved.getNotes()).isEqualTo("Deliver to the back door");
        assertThat(saved.getLastChangedBy()).isEqualTo("Alice");
        assertThat(saved.getLines()).hasSize(linesBefore);
        assertThat(saved.getLines().getFirst().getQuantity()).isEqualTo(5);
        assertThat(saved.getLines().getLast().getProduct()).isEqualTo("Brass hinge");
        assertThat(saved.getTotal()).isEqualByComparingTo(expectedTotal);

        assertThat(getCurrentView()).as("Save keeps editing").isSameAs(editor);
        assertThat(heldLock(201).token()).isEqualTo(lock.token());
        assertThat(test(field("Customer")).isUsable()).isTrue();
        assertThat(test($(Notification.class).last()).getText()).isEqualTo("Saved order OD-000201");
    }

    @Test
    void savingTwiceKeepsNewLinesOnceAndSavesTheSecondChange() {
        edit(202);
        int linesBefore = stored(202).getLines().size();
        click("Add line");
        test(product(lineCount())).setValue("Copper pipe 2 m");
        click("Save");

        test(notes()).setValue("Second save");
        click("Save");

        Order saved = stored(202);
        assertThat(saved.getLines()).hasSize(linesBefore + 1);
        assertThat(saved.getNotes()).isEqualTo("Second save");
    }

    @Test
    void saveAndCloseSavesReleasesTheLockAndReturnsToTheGrid() {
        edit(203);
        test(field("Customer")).setValue("Nordwind Traders");

        click("Save & close");

        assertThat(stored(203).getCustomer()).isEqualTo("Nordwind Traders");
        assertThat(getCurrentView()).isInstanceOf(OrdersView.class);
        assertThat(lockOn(203)).isEmpty();
    }

    @Test
    void cancelWithEscapeReleasesTheLockAndReturnsToTheGrid() {
        edit(204);

        fireShortcut(Key.ESCAPE);

        assertThat(getCurrentView()).isInstanceOf(OrdersView.class);
        assertThat(lockOn(204)).isEmpty();
    }

    @Test
    void invalidValuesAreMarkedOnTheirFieldsAndNothingIsSaved() {
        OrderEditorView editor = edit(205);
        long version = stored(205).getVersion();

        test(field("Customer")).setValue("   ");
        test(datePicker("Requested delivery"))
                .setValue(stored(205).getOrderDate().minusDays(1));
        quantity(1).setValue(0);
        unitPrice(1).setValue(new BigDecimal("-1.00"));
        click("Save");

        assertThat(field("Customer").isInvalid()).isTrue();
        assertThat(field("Customer").getErrorMessage()).isEqualTo("Customer is required");
        assertThat(datePicker("Requested delivery").getErrorMessage())
                .isEqualTo("Requested delivery cannot be before the order date");
        assertThat(quantity(1).getErrorMessage()).isEqualTo("Quantity must be at least 1");
        assertThat(unitPrice(1).getErrorMessage()).isEqualTo("Unit price cannot be negative");
        assertThat(test($(Notification.class).last()).getText()).isEqualTo("Fix the marked fields, then save again");
        assertThat(stored(205).getVersion()).isEqualTo(version);
        assertThat(getCurrentView()).isSameAs(editor);
    }

    @Test
    void aTotalLargerThanAnOrderCanHoldIsRefusedNotFailedInTheDatabase() {
        OrderEditorView editor = edit(209);
        long version = stored(209).getVersion();
        quantity(1).setValue(OrderLine.MAX_QUANTITY);
        unitPrice(1).setValue(new BigDecimal("9999999.99"));

        click("Save");

        assertThat(total()).endsWith("is more than an order can hold (999,999,999,999.99)");
        assertThat(stored(209).getVersion()).isEqualTo(version);
        assertThat(getCurrentView()).isSameAs(editor);
    }

    @Test
    void leavingWithUnsavedChangesAsksFirstAndKeepsEditingWhenTold() {
        edit(206);
        test(notes()).setValue("Half-typed note");

        click("Cancel");

        ConfirmDialog ask = $(ConfirmDialog.class).single();
        assertThat(test(ask).getHeader()).isEqualTo("Discard unsaved changes?");
        test(ask).cancel();
        assertThat(getCurrentView()).isInstanceOf(OrderEditorView.class);
        assertThat(notes().getValue()).isEqualTo("Half-typed note");
        assertThat(lockOn(206)).isPresent();

        click("Cancel");
        test($(ConfirmDialog.class).last()).confirm();

        assertThat(getCurrentView()).isInstanceOf(OrdersView.class);
        assertThat(lockOn(206)).isEmpty();
        assertThat(stored(206).getNotes()).isNotEqualTo("Half-typed note");
    }

    @Test
    void leavingWithoutChangesDoesNotAsk() {
        edit(207);

        click("Cancel");

        assertThat($(ConfirmDialog.class).all()).isEmpty();
        assertThat(getCurrentView()).isInstanceOf(OrdersView.class);
    }

    @Test
    void theGridOpensTheEditorByDoubleClickAndByItsEditButton() {
        navigate(OrdersView.class);
        var rows = test(ordersGrid());
        OrderSummary third = rows.getRow(2);

        rows.doubleClickRow(2);

        assertThat(getCurrentView()).isInstanceOf(OrderEditorView.class);
        assertThat(heldLock(third.id()).holder().user()).isEqualTo(ALICE);

        navigate(OrdersView.class);
        var rowsAgain = test(ordersGrid());
        OrderSummary fifth = rowsAgain.getRow(4);
        rowsAgain.invokeLitRendererFunction(4, "edit", "edit");

        assertThat(getCurrentView()).isInstanceOf(OrderEditorView.class);
        assertThat(heldLock(fifth.id()).holder().user()).isEqualTo(ALICE);
    }

    @Test
    void theReadOnlyViewOffersEdit() {
        navigate("orders/208", OrderView.class);

        click("Edit");

        assertThat(getCurrentView()).isInstanceOf(OrderEditorView.class);
        assertThat(heldLock(208).holder().user()).isEqualTo(ALICE);
    }

    private DatePicker datePicker(String label) {
        return $(DatePicker.class).withCaption(label).single();
    }

    /** The stored total with the first line replaced, the last line removed and a line added. */
    private static BigDecimal expectedTotal(Order before, BigDecimal firstLine, BigDecimal addedLine) {
        List<OrderLine> lines = before.getLines();
        assertThat(lines).as("an order with a first and a last line").hasSizeGreaterThan(1);
        return before.getTotal()
                .subtract(lines.getFirst().getLineTotal())
                .subtract(lines.getLast().getLineTotal())
                .add(firstLine)
                .add(addedLine);
    }

    private static String money(BigDecimal amount) {
        return org.orderdesk.ui.Formats.money(amount);
    }
}
