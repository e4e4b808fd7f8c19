package org.orderdesk.order;

/** Where an order is in its life. */
public enum OrderStatus {
    NEW("New"),
    CONFIRMED("Confirmed"),
    SHIPPED("Shipped"),
    CANCELLED("Cancelled");

    private final String label;

    OrderStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
