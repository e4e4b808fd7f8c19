package org.orderdesk.order;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.orderdesk.lock.LockInfo;
import org.orderdesk.lock.LockLostException;
import org.orderdesk.lock.LockService;
import org.orderdesk.lock.ResourceId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads orders for the grid and the order views, and saves them under their edit lock. */
@Service
@Transactional(readOnly = true)
public class OrderService {

    private final OrderRepository orders;
    private final LockService locks;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Validator validator;

    OrderService(
            OrderRepository orders,
            LockService locks,
            Clock clock,
            ApplicationEventPublisher events,
            Validator validator) {
        this.orders = orders;
        this.locks = locks;
        this.clock = clock;
        this.events = events;
        this.validator = validator;
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

    /**
     * Saves an edited order, fenced by its edit lock: in this one transaction the lock row is
     * locked, {@code lockToken} must still hold a live lock on the order, and the order must still
     * be at the version the form loaded ({@link Order#getVersion()} of {@code edited}).
     *
     * @return the saved order with its lines, at its new version
     * @throws LockLostException when the lock lapsed and was taken, taken over, broken or released
     * @throws OrderChangedException when someone saved the order after the form loaded it
     * @throws InvalidOrderException when a value breaks the order's constraints
     */
    @Transactional
    public Order save(Order edited, long lockToken) {
        long id = Objects.requireNonNull(edited.getId(), "Only stored orders are saved under a lock");
        LockInfo lock = locks.requireHeld(ResourceId.order(id), lockToken);
        requireVersion(load(id), edited.getVersion());
        return stamp(edited, lock);
    }

    /**
     * Saves the editor's draft of order {@code orderId}, fenced like {@link #save(Order, long)}:
     * the lock of {@code lockToken} must still be held and the order still be at {@code
     * loadedVersion}, the version the editor loaded.
     *
     * @return the saved order with its lines, at its new version
     * @throws LockLostException when the lock lapsed and was taken, taken over, broken or released
     * @throws OrderChangedException when someone saved the order after the editor loaded it
     * @throws InvalidOrderException when a value breaks the order's constraints, the editor's rules
     */
    @Transactional
    public Order save(long orderId, long loadedVersion, OrderDraft draft, long lockToken) {
        LockInfo lock = locks.requireHeld(ResourceId.order(orderId), lockToken);
        Order current = load(orderId);
        requireVersion(current, loadedVersion);
        draft.applyTo(current);
        return stamp(current, lock);
    }

    private Order load(long id) {
        return orders.findWithLinesById(id).orElseThrow(() -> new OrderNotFoundException(String.valueOf(id)));
    }

    private static void requireVersion(Order current, long loadedVersion) {
        if (current.getVersion() != loadedVersion) {
            throw OrderChangedException.of(current);
        }
    }

    /**
     * Checks the order against its constraints, records who saved, writes the order now so that its
     * new version is known, and announces it.
     */
    private Order stamp(Order edited, LockInfo lock) {
        Set<ConstraintViolation<Order>> violations = validator.validate(edited);
        if (!violations.isEmpty()) {
            throw InvalidOrderException.of(edited, violations);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        edited.markChanged(lock.holder().displayName(), now);
        Order stamped = orders.saveAndFlush(edited);
        events.publishEvent(new OrderSaved(
                Objects.requireNonNull(stamped.getId()),
                stamped.getOrderNumber(),
                stamped.getVersion(),
                lock.holder().displayName(),
                now));
        return stamped;
    }

    /** The order's number, without loading the order: enough to know it exists and to name it. */
    public Optional<String> orderNumberOf(long id) {
        return orders.findOrderNumberById(id);
    }

    /** The order's version, by a one-column query: whether it was saved since it was loaded. */
    public Optional<Long> versionOf(long id) {
        return orders.findVersionById(id);
    }

    /** The order with its lines loaded, detached and ready to show. */
    public Optional<Order> findWithLines(long id) {
        return orders.findWithLinesById(id);
    }
}
