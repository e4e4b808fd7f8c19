package org.orderdesk.order;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.orderdesk.lock.ResourceId;
import org.orderdesk.lock.ResourceNames;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Names locked orders by their order number ("OD-000042") and finds an order from what a person
 * typed: the full number in any case, or its digits alone ("42"), as the numbers are printed.
 */
@Component
@Transactional(readOnly = true)
class OrderResourceNames implements ResourceNames {

    /** The prefix of every order number the desk issues; typed digits alone mean one of these. */
    private static final String PREFIX = "OD";

    private static final int MIN_DIGITS = 6;
    private static final Pattern TYPED = Pattern.compile("(?:([A-Za-z]{2,4})-)?(\\d{1,10})");

    private final OrderRepository orders;

    OrderResourceNames(OrderRepository orders) {
        this.orders = orders;
    }

    @Override
    public Map<ResourceId, String> namesOf(Collection<ResourceId> resources) {
        Collection<Long> orderIds = resources.stream()
                .filter(resource -> resource.type().equals(ResourceId.ORDER))
                .map(ResourceId::id)
                .collect(Collectors.toSet());
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        return orders.findOrderNumbersByIdIn(orderIds).stream()
                .collect(Collectors.toMap(order -> ResourceId.order(order.id()), OrderNumber::orderNumber));
    }

    @Override
    public Optional<ResourceId> find(String typedName) {
        Matcher typed = TYPED.matcher(typedName.strip());
        if (!typed.matches()) {
            return Optional.empty();
        }
        String prefix = typed.group(1) == null ? PREFIX : typed.group(1).toUpperCase(Locale.ROOT);
        String digits = typed.group(2);
        String padded = "0".repeat(Math.max(0, MIN_DIGITS - digits.length())) + digits;
        return orders.findIdByOrderNumber(prefix + "-" + padded).map(ResourceId::order);
    }
}
