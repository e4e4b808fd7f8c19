package org.orderdesk.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The editor's working copy: unsaved changes are told apart, applied field by field and line by line. */
class OrderDraftTest {

    @Test
    void aFreshDraftHasNoUnsavedChangesAndTheOrdersTotal() {
        Order order = SampleOrders.acmeOrder();

        OrderDraft draft = OrderDraft.of(order);

        assertThat(draft).isEqualTo(OrderDraft.of(order)).isEqualTo(draft.copy());
        assertThat(draft.total()).isEqualByComparingTo(order.getTotal());
        assertThat(draft.getNotes()).as("no notes read as empty text").isEmpty();
    }

    @Test
    void anyChangedValueIsAnUnsavedChange() {
        OrderDraft original = OrderDraft.of(SampleOrders.acmeOrder());

        OrderDraft customer = original.copy();
        customer.setCustomer("Nordwind Traders");
        OrderDraft quantity = original.copy();
        quantity.getLines().getFirst().setQuantity(3);
        OrderDraft added = original.copy();
        added.addLine();
        OrderDraft removed = original.copy();
        removed.removeLine(removed.getLines().getLast());

        assertThat(customer).isNotEqualTo(original);
        assertThat(quantity).isNotEqualTo(original);
        assertThat(added).isNotEqualTo(original);
        assertThat(removed).isNotEqualTo(original);
        assertThat(original).as("copies are independent").isEqualTo(OrderDraft.of(SampleOrders.acmeOrder()));
    }

    @Test
    void aPriceWrittenWithAnotherScaleIsNoChange() {
        OrderDraft original = OrderDraft.of(SampleOrders.acmeOrder());
        OrderDraft retyped = original.copy();

        retyped.getLines().getFirst().setUnitPrice(new BigDecimal("149.9"));

        assertThat(retyped).isEqualTo(original).hasSameHashCodeAs(original);
    }

    @Test
    void applyingWritesHeaderAndLinesAndRecomputesTheTotal() {
        Order order = SampleOrders.acmeOrder();
        OrderDraft draft = OrderDraft.of(order);
        draft.setCustomer("  Nordwind Traders ");
        draft.setStatus(OrderStatus.CONFIRMED);
        draft.setRequestedDeliveryDate(LocalDate.of(2026, 12, 1));
        draft.setNotes("   ");
        draft.getLines().getFirst().setQuantity(1);
        LineDraft added = draft.addLine();
        added.setProduct("Brass hinge");
        added.setQuantity(4);
        added.setUnitPrice(new BigDecimal("2.50"));

        draft.applyTo(order);

        assertThat(order.getCustomer()).isEqualTo("Nordwind Traders");
        assertThat(order.getStatus()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(order.getRequestedDeliveryDate()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(order.getNotes()).as("blank notes are stored as none").isNull();
        assertThat(order.getLines())
                .extracting(OrderLine::getProduct, OrderLine::getQuantity)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Cordless drill", 1),
                        org.assertj.core.groups.Tuple.tuple("Cable ties (pack of 500)", 3),
                        org.assertj.core.groups.Tuple.tuple("Brass hinge", 4));
        assertThat(order.getTotal()).isEqualByComparingTo("189.87");
        assertThat(draft.total()).isEqualByComparingTo(order.getTotal());
    }
}
