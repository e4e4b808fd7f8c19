package org.orderdesk.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.orderdesk.order.Order;
import org.orderdesk.order.OrderStatus;

/**
 * Makes plausible orders from a fixed seed: the same number always gives the same orders, so
 * demos, screenshots and tests see the same data on every machine.
 */
final class DemoOrderGenerator {

    static final long SEED = 20_261_126L;
    private static final LocalDate FIRST_ORDER_DATE = LocalDate.of(2025, 1, 2);
    private static final int DAYS_OF_ORDERS = 690;

    private static final List<String> CUSTOMERS = List.of(
            "Acme Tools Ltd",
            "Baltic Timber Oy",
            "Blue Harbour Foods",
            "Brightline Electrics",
            "Cedar & Sons",
            "Coastal Marine Supply",
            "Copperfield Bakery",
            "Delta Print House",
            "Evergreen Garden Centre",
            "Fjord Logistics AS",
            "Granite Building Co",
            "Harbor View Hotel",
            "Helios Solar GmbH",
            "Iron Bridge Works",
            "Juniper Pharmacy",
            "Kestrel Aviation",
            "Lakeside Dental",
            "Maple Leaf Cafe",
            "Meridian Textiles",
            "Northwind Traders",
            "Oakridge School",
            "Orchid Florists",
            "Pinecrest Clinic",
            "Polar Ice Rinks",
            "Quarry Hill Farm",
            "Redwood Furniture",
            "Riverside Brewery",
            "Saffron Kitchen",
            "Silver Birch Spa",
            "Summit Outdoor Gear",
            "Tidewater Fisheries",
            "Union Street Books",
            "Valley Vineyards",
            "Westbrook Motors",
            "Willow Creek Dairy",
            "Zephyr Cycles");

    private record Product(String name, BigDecimal price) {}

    private static final List<Product> PRODUCTS = List.of(
            new Product("Steel bolts M8 (box of 100)", new BigDecimal("12.90")),
            new Product("Oak plank 2 m", new BigDecimal("24.50")),
            new Product("LED panel 60x60", new BigDecimal("39.00")),
            new Product("Copper pipe 15 mm, 3 m", new BigDecimal("18.75")),
            new Product("Safety gloves (pair)", new BigDecimal("4.20")),
            new Product("Printer paper A4 (ream)", new BigDecimal("5.60")),
            new Product("Espresso beans 1 kg", new BigDecimal("21.00")),
            new Product("Solar cell module 400 W", new BigDecimal("189.00")),
            new Product("Hand truck", new BigDecimal("129.00")),
            new Product("Cable ties (pack of 500)", new BigDecimal("9.99")),
            new Product("Wall paint white 10 l", new BigDecimal("54.00")),
            new Product("Work bench", new BigDecimal("349.00")),
            new Product("First aid kit", new BigDecimal("27.30")),
            new Product("Pallet wrap film", new BigDecimal("16.40")),
            new Product("Cordless drill", new BigDecimal("149.90")),
            new Product("Label printer tape", new BigDecimal("11.25")));

    private static final List<String> CHANGED_BY = List.of("Alice", "Bob", "Carol", "Sam");
    private static final List<String> NOTES = List.of(
            "Deliver to the back entrance.",
            "Call before delivery.",
            "Invoice to head office.",
            "Partial delivery accepted.",
            "Fragile: handle with care.");

    private final Random random = new Random(SEED);
    private int nextNumber = 1;

    static String orderNumber(int number) {
        return "OD-%06d".formatted(number);
    }

    List<Order> next(int count) {
        List<Order> orders = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            orders.add(nextOrder());
        }
        return orders;
    }

    private Order nextOrder() {
        int number = nextNumber++;
        LocalDate orderDate = FIRST_ORDER_DATE.plusDays(random.nextInt(DAYS_OF_ORDERS));
        Order order = new Order(orderNumber(number), pick(CUSTOMERS), orderDate);
        order.setStatus(pickStatus());
        if (random.nextInt(5) > 0) {
            order.setRequestedDeliveryDate(orderDate.plusDays(3 + random.nextInt(40)));
        }
        if (random.nextInt(4) == 0) {
            order.setNotes(pick(NOTES));
        }
        int lineCount = 1 + random.nextInt(6);
        for (int i = 0; i < lineCount; i++) {
            Product product = pick(PRODUCTS);
            order.addLine(product.name(), 1 + random.nextInt(25), product.price());
        }
        LocalTime changedTime = LocalTime.of(8 + random.nextInt(10), random.nextInt(60));
        order.markChanged(
                pick(CHANGED_BY),
                orderDate.plusDays(random.nextInt(3)).atTime(changedTime).toInstant(ZoneOffset.UTC));
        return order;
    }

    private OrderStatus pickStatus() {
        int roll = random.nextInt(100);
        if (roll < 30) {
            return OrderStatus.NEW;
        }
        if (roll < 65) {
            return OrderStatus.CONFIRMED;
        }
        return roll < 92 ? OrderStatus.SHIPPED : OrderStatus.CANCELLED;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
