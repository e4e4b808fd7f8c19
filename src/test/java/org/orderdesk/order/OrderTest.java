package org.orderdesk.order;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OrderTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void createValidator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void closeValidator() {
        factory.close();
    }

    @Test
    void totalIsTheSumOfTheLines() {
        assertThat(SampleOrders.acmeOrder().getTotal()).isEqualByComparingTo("329.77");
    }

    @Test
    void totalFollowsEveryChangeToTheLines() {
        Order order = SampleOrders.acmeOrder();
        OrderLine drill = order.getLines().getFirst();

        drill.setQuantity(1);
        assertThat(order.getTotal()).isEqualByComparingTo("179.87");

        drill.setUnitPrice(new BigDecimal("100.00"));
        assertThat(order.getTotal()).isEqualByComparingTo("129.97");

        order.removeLine(drill);
        assertThat(order.getTotal()).isEqualByComparingTo("29.97");
        assertThat(order.getLines())
                .singleElement()
                .satisfies(line -> assertThat(line.getLineNo()).isEqualTo(1));
    }

    @Test
    void anOrderWithoutLinesTotalsZero() {
        Order order = new Order("OD-000043", "Acme Tools Ltd", LocalDate.of(2026, 11, 2));

        assertThat(order.getTotal()).isEqualByComparingTo("0.00");
    }

    @Test
    void aCompleteOrderIsValid() {
        assertThat(validator.validate(SampleOrders.acmeOrder())).isEmpty();
    }

    @Test
    void quantityMustBeAboveZero() {
        Order order = SampleOrders.acmeOrder();
        order.getLines().getFirst().setQuantity(0);

        assertThat(messages(order)).containsExactly("Quantity must be at least 1");
    }

    @Test
    void unitPriceMustNotBeNegativeNorHaveMoreThanTwoDecimals() {
        Order order = SampleOrders.acmeOrder();
        order.getLines().getFirst().setUnitPrice(new BigDecimal("-0.01"));
        order.getLines().getLast().setUnitPrice(new BigDecimal("1.999"));

        assertThat(messages(order))
                .containsExactlyInAnyOrder("Unit price cannot be negative", "Unit price has at most two decimals");
    }

    @Test
    void customerIsRequiredAndNotesAreLimited() {
        Order order = SampleOrders.acmeOrder();
        order.setCustomer(" ");
        order.setNotes("x".repeat(Order.NOTES_MAX_LENGTH + 1));

        assertThat(messages(order))
                .containsExactlyInAnyOrder("Customer is required", "Notes are limited to 2000 characters");
    }

    @Test
    void deliveryCannotBeRequestedBeforeTheOrderDate() {
        Order order = SampleOrders.acmeOrder();
        order.setRequestedDeliveryDate(order.getOrderDate().minusDays(1));

        assertThat(messages(order)).containsExactly("Requested delivery date cannot be before the order date");
    }

    @Test
    void invisibleTextIsNoCustomerAndNoProduct() {
        Order order = SampleOrders.acmeOrder();
        order.setCustomer("\u200B");
        order.getLines().getFirst().setProduct("\u00A0");

        assertThat(messages(order)).containsExactlyInAnyOrder("Customer is required", "Product is required");
    }

    @Test
    void directionControlsAreNeverStored() {
        Order order = SampleOrders.acmeOrder();
        order.setCustomer("\u202Eemca\u202C");
        order.setNotes("\u2066note\u2069");

        assertThat(order.getCustomer()).isEqualTo("emca");
        assertThat(order.getNotes()).isEqualTo("note");
        assertThat(messages(order)).isEmpty();
    }

    @Test
    void aPriceWithTrailingZerosIsStoredInCentsAndMoreDecimalsAreRefused() {
        Order order = SampleOrders.acmeOrder();
        order.getLines().getFirst().setUnitPrice(new BigDecimal("12.500"));
        assertThat(order.getLines().getFirst().getUnitPrice()).isEqualTo(new BigDecimal("12.50"));
        assertThat(messages(order)).isEmpty();

        order.getLines().getFirst().setUnitPrice(new BigDecimal("12.505"));
        assertThat(messages(order)).containsExactly("Unit price has at most two decimals");
    }

    private static Set<String> messages(Order order) {
        return validator.validate(order).stream()
                .map(ConstraintViolation::getMessage)
                .collect(Collectors.toSet());
    }
}
