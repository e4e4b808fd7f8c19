package org.orderdesk.order;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.domain.Specification;

/**
 * What the clerk typed into the grid's filters. The text matches the start of an order number
 * ("OD-0012", so the unique index serves it) or any part of the customer name, ignoring case.
 */
public record OrderFilter(String text, @Nullable OrderStatus status) {

    public static final OrderFilter NONE = new OrderFilter("", null);

    public OrderFilter {
        text = text.strip();
    }

    Specification<Order> toSpecification() {
        Specification<Order> spec = Specification.unrestricted();
        if (!text.isEmpty()) {
            String needle = escapeLike(text.toLowerCase(Locale.ROOT));
            String upperPrefix = escapeLike(text.toUpperCase(Locale.ROOT)) + "%";
            spec = spec.and((root, query, cb) -> cb.or(
                    cb.like(root.get("orderNumber"), upperPrefix, '\\'),
                    cb.like(cb.lower(root.get("customer")), "%" + needle + "%", '\\')));
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
