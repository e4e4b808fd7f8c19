package org.orderdesk.order;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The server refused values of a save by the order's own constraints, the ones the editor checks
 * too; each value says where it belongs so that the editor marks that field.
 */
public class InvalidOrderException extends RuntimeException {

    /**
     * One refused value.
     *
     * @param line the line's position in the order (from 0), or null for a value of the order itself
     * @param property the entity's property, such as {@code customer} or {@code unitPrice}
     */
    public record InvalidValue(@Nullable Integer line, String property, String message) {

        /** How a clerk reads it: "Unit price has at most two decimals (line 2)". */
        public String describe() {
            return line == null ? message : message + " (line " + (line + 1) + ")";
        }
    }

    private final List<InvalidValue> values;

    public InvalidOrderException(String orderNumber, List<InvalidValue> values) {
        super("Order " + orderNumber + " has invalid values: "
                + values.stream().map(InvalidValue::describe).collect(Collectors.joining("; ")));
        this.values = List.copyOf(values);
    }

    static InvalidOrderException of(Order order, Set<ConstraintViolation<Order>> violations) {
        List<InvalidValue> values = violations.stream()
                .map(InvalidOrderException::valueOf)
                .sorted(Comparator.comparing((InvalidValue value) -> value.line() == null ? -1 : value.line())
                        .thenComparing(InvalidValue::property))
                .toList();
        return new InvalidOrderException(order.getOrderNumber(), values);
    }

    private static InvalidValue valueOf(ConstraintViolation<Order> violation) {
        Integer line = null;
        String property = "";
        for (Path.Node node : violation.getPropertyPath()) {
            if ("lines".equals(node.getName())) {
                continue;
            }
            if (node.getIndex() != null) {
                line = node.getIndex();
            }
            property = node.getName() == null ? property : node.getName();
        }
        return new InvalidValue(line, property, violation.getMessage());
    }

    public List<InvalidValue> values() {
        return values;
    }
}
