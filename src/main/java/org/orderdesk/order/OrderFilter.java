package org.orderdesk.order;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.domain.Specification;

/**
 * What the clerk typed into the grid's filters, ignoring case. Text that looks like an order number
 * ("OD-0012") matches the start of order numbers only, so the unique index answers it even at
 * 100 000 orders; bare digits ("1234") match anywhere in the order number; any other text matches
 * any part of the customer name.
 */
public record OrderFilter(String text, @Nullable OrderStatus status) {

    public static final OrderFilter NONE = new OrderFilter("", null);

    private static final Pattern ORDER_NUMBER_PREFIX = Pattern.compile("[A-Za-z]{2,4}-\\d*");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    public OrderFilter {
        text = text.strip();
    }

    Specification<Order> toSpecification() {
        Specification<Order> spec = Specification.unrestricted();
        if (ORDER_NUMBER_PREFIX.matcher(text).matches()) {
            String prefix = escapeLike(text.toUpperCase(Locale.ROOT)) + "%";
            spec = spec.and((root, query, cb) -> cb.like(root.get("orderNumber"), prefix, '\\'));
        } else if (DIGITS.matcher(text).matches()) {
            String digits = "%" + text + "%";
            spec = spec.and((root, query, cb) -> cb.like(root.get("orderNumber"), digits));
        } else if (!text.isEmpty()) {
            String needle = "%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%";
            spec = spec.and((root, query, cb) -> cb.like(cb.lower(root.get("customer")), needle, '\\'));
        }
        if (status != null) {
            OrderStatus wanted = status;
            spec = spec.and((root, query, cb) -> cb.equal(root.get("status"), wanted));
        }
        return spec;
    }

    /** The clerk's text is matched literally: '%' and '_' are not wildcards to them. */
    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
