package org.orderdesk.order;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads orders for the grid and the order views. */
@Service
@Transactional(readOnly = true)
public class OrderService {

    /** Added last to every sort so that paging is stable when the clerk's sort has ties. */
    private static final Sort TIE_BREAKER = Sort.by("id");

    private final OrderRepository orders;

    OrderService(OrderRepository orders) {
        this.orders = orders;
    }

    /** One page of grid rows; never loads the whole table nor any order line. */
    public List<OrderSummary> list(OrderFilter filter, Pageable page) {
        Pageable stable = page.isPaged()
                ? PageRequest.of(
                        page.getPageNumber(), page.getPageSize(), page.getSort().and(TIE_BREAKER))
                : page;
        return orders.findBy(
                        filter.toSpecification(),
                        query -> query.sortBy(stable.getSort()).slice(stable))
                .map(OrderSummary::of)
                .getContent();
    }

    public long count(OrderFilter filter) {
        return orders.count(filter.toSpecification());
    }

    public boolean hasOrders() {
        return orders.count() > 0;
    }

    /** Stores new orders with their lines in one transaction (demo data, imports). */
    @Transactional
    public void createAll(List<Order> newOrders) {
        orders.saveAll(newOrders);
    }

    /** The order with its lines loaded, detached and ready to show. */
    public Optional<Order> findWithLines(long id) {
        return orders.findWithLinesById(id);
    }
}
