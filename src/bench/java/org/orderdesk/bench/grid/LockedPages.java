package org.orderdesk.bench.grid;

import java.util.ArrayList;
import java.util.List;
import org.orderdesk.lock.AcquireOutcome;
import org.orderdesk.lock.LockHolder;
import org.orderdesk.lock.LockService;
import org.orderdesk.lock.ResourceId;

/**
 * Where the live locks lie among the grid's pages, in its default order (row n shows order n + 1):
 * the pages a clerk scrolls through have every fifth row locked, one page has every row locked,
 * the page after it none, and the rest of the locks are spread evenly over the rest of the table.
 */
final class LockedPages {

    static final int PAGE = GridRequests.PAGE;
    /** The pages scrolled through one after the other: 1 to 20, 10 locked rows each. */
    static final int FIRST_SCROLLED = 1;

    static final int SCROLLED = 20;
    static final int LOCKED_ON_SCROLLED = 10;
    /** Every row locked. */
    static final int ALL_LOCKED = FIRST_SCROLLED + SCROLLED;
    /** No row locked. */
    static final int NONE_LOCKED = ALL_LOCKED + 1;

    private static final List<String> CLERKS = List.of("bob", "carol", "sam");

    private LockedPages() {}

    /** The order ids to lock: {@code total} of them, the pages above first. */
    static List<Long> orderIds(int total, int orders) {
        List<Long> ids = new ArrayList<>();
        int everyNth = PAGE / LOCKED_ON_SCROLLED;
        for (int row = FIRST_SCROLLED * PAGE; row < ALL_LOCKED * PAGE; row += everyNth) {
            ids.add(row + 1L);
        }
        for (int row = ALL_LOCKED * PAGE; row < NONE_LOCKED * PAGE; row++) {
            ids.add(row + 1L);
        }
        int firstSpread = (NONE_LOCKED + 1) * PAGE;
        int rest = total - ids.size();
        double step = (double) (orders - firstSpread) / rest;
        for (int i = 0; i < rest; i++) {
            ids.add(firstSpread + 1L + (long) (i * step));
        }
        return ids;
    }

    /** Locks each of {@code ids} for another clerk, in an editor (holder key) of its own. */
    static void lock(LockService locks, List<Long> ids) {
        for (long id : ids) {
            String clerk = CLERKS.get((int) (id % CLERKS.size()));
            LockHolder holder =
                    new LockHolder(clerk, Character.toUpperCase(clerk.charAt(0)) + clerk.substring(1), "bench-" + id);
            if (!(locks.acquire(ResourceId.order(id), holder) instanceof AcquireOutcome.Acquired)) {
                throw new IllegalStateException("order " + id + " was not free");
            }
        }
    }
}
