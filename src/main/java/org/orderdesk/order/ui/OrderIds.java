package org.orderdesk.order.ui;

import java.util.Optional;
import java.util.regex.Pattern;

/** Reads an order id from a URL segment; anything that is not a positive number names no order. */
final class OrderIds {

    private static final Pattern POSITIVE_LONG = Pattern.compile("[1-9]\\d{0,17}");

    private OrderIds() {}

    static Optional<Long> parse(String segment) {
        return POSITIVE_LONG.matcher(segment).matches() ? Optional.of(Long.parseLong(segment)) : Optional.empty();
    }
}
