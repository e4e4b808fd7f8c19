package org.orderdesk.order;

/** Thrown when an order id in a URL or a request names no order. */
public class OrderNotFoundException extends RuntimeException {

    private final String requestedId;

    public OrderNotFoundException(String requestedId) {
        super("Order not found: " + requestedId);
        this.requestedId = requestedId;
    }

    /** What was asked for, exactly as given (it may not even be a number). */
    public String requestedId() {
        return requestedId;
    }
}
