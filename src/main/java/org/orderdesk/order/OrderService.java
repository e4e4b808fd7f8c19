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

    private final OrderRepository orders;

    OrderService(OrderRepository orders) {
        this.orders = orders;
    }

    /**
     * One page of grid rows; never loads the whole table nor any order line. Ties are broken on
     * the id, in the direction of the first sort, so that pages are stable and the (column, id)
     * indices can serve the whole ORDER BY.
     */
    public List<OrderSummary> list(OrderFilter filter, Pageable page) {
        Sort sort = page.getSort();
        Sort.Direction tieDirection =
                sort.stream().findFirst().map(Sort.Order::getDirection).orElse(Sort.Direction.ASC);
        Sort stable = sort.and(Sort.by(tieDirection, "id"));
        return orders.findBy(
                        filter.toSpecification(),
                        query -> query.slice(PageRequest.of(page.getPageNumber(), page.getPageSize(), stable)))
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
