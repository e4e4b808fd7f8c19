package org.orderdesk.bench.grid;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.orderdesk.order.OrderFilter;
import org.orderdesk.order.OrderService;
import org.orderdesk.order.OrderStatus;
import org.orderdesk.order.OrderSummary;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/** The requests the orders grid makes of {@link OrderService}, by name, exactly as the grid calls them. */
final class GridRequests {

    static final int PAGE = 50;

    /** Every grid column sorts, and the grid shows exactly the fields of a summary row but its id. */
    private static final List<String> SORTABLE_COLUMNS = Arrays.stream(OrderSummary.class.getRecordComponents())
            .map(RecordComponent::getName)
            .filter(name -> !name.equals("id"))
            .toList();

    private GridRequests() {}

    static Map<String, Supplier<Object>> of(OrderService service) {
        int lastPage = (int) (service.count(OrderFilter.NONE) / PAGE) - 1;
        Map<String, Supplier<Object>> requests = new LinkedHashMap<>();
        requests.put("first page, no sort", () -> service.list(OrderFilter.NONE, PageRequest.of(0, PAGE)));
        for (String column : SORTABLE_COLUMNS) {
            requests.put("first page by " + column, () -> service.list(OrderFilter.NONE, page(0, column)));
            requests.put(
                    "first page by " + column + " desc",
                    () -> service.list(
                            OrderFilter.NONE, PageRequest.of(0, PAGE, Sort.by(Sort.Direction.DESC, column))));
        }
        requests.put("page 20 by customer", () -> service.list(OrderFilter.NONE, page(20, "customer")));
        requests.put("last page by customer", () -> service.list(OrderFilter.NONE, page(lastPage, "customer")));
        requests.put("count, no filter", () -> service.count(OrderFilter.NONE));
        OrderFilter byNumber = new OrderFilter("OD-00012", null);
        requests.put("order number prefix: page + count", () -> pageAndCount(service, byNumber));
        OrderFilter byCustomer = new OrderFilter("harbour", null);
        requests.put("customer text: page + count", () -> pageAndCount(service, byCustomer));
        OrderFilter byStatus = new OrderFilter("", OrderStatus.CANCELLED);
        requests.put("status: page + count", () -> pageAndCount(service, byStatus));
        return requests;
    }

    private static PageRequest page(int number, String property) {
        return PageRequest.of(number, PAGE, Sort.by(property));
    }

    private static Object pageAndCount(OrderService service, OrderFilter filter) {
        return List.of(service.list(filter, page(0, "orderNumber")), service.count(filter));
    }
}
