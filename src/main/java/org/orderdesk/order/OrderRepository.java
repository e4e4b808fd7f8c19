package org.orderdesk.order;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface OrderRepository extends JpaRepository<Order, Long>, JpaSpecificationExecutor<Order> {

    @EntityGraph(attributePaths = "lines")
    Optional<Order> findWithLinesById(Long id);

    @Query("select o.orderNumber from Order o where o.id = :id")
    Optional<String> findOrderNumberById(Long id);

    /** The numbers of many orders in one query; ids of orders that do not exist are left out. */
    @Query("select new org.orderdesk.order.OrderNumber(o.id, o.orderNumber) from Order o where o.id in :ids")
    List<OrderNumber> findOrderNumbersByIdIn(Collection<Long> ids);

    @Query("select o.version from Order o where o.id = :id")
    Optional<Long> findVersionById(Long id);

    @Query("select o.id from Order o where o.orderNumber = :orderNumber")
    Optional<Long> findIdByOrderNumber(String orderNumber);
}
