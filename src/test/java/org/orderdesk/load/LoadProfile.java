package org.orderdesk.load;

import java.time.Duration;

/**
 * How hard and how long a run works the application.
 *
 * @param clerks simulated clerks, each on a virtual thread of its own
 * @param hotOrders how many orders the simulated clerks share, from order {@link #FIRST_HOT_ORDER}
 * @param duration how long clerks start new work; then every clerk stops
 * @param thinkTime a clerk's mean pause between two operations (each pause is 0.5 to 1.5 times it)
 * @param browserPages real Chromium pages, each a demo clerk signed in on the grid
 * @param cyclesPerSession after this many orders a clerk's session ends and a new one starts; 0
 *     keeps one session for the whole run
 * @param patience how long a clerk waits in an order's line before giving up its place
 */
public record LoadProfile(
        int clerks,
        int hotOrders,
        Duration duration,
        Duration thinkTime,
        int browserPages,
        int cyclesPerSession,
        Duration patience) {

    /**
     * Orders 1 to 4 are the Chromium pages', which show at the top of the grid; the simulated
     * clerks' orders follow, so the pages' grids show them being locked and freed live.
     */
    public static final long FIRST_HOT_ORDER = 5;

    public static final int BROWSER_ORDERS = 4;

    /**
     * The bounded load: {@code load.seconds} (60), {@code load.clerks} (200), {@code load.orders}
     * (50), {@code load.think-millis} (4000), {@code load.browser-pages} (3).
     */
    public static LoadProfile bounded() {
        return new LoadProfile(
                Integer.getInteger("load.clerks", 200),
                Integer.getInteger("load.orders", 50),
                Duration.ofSeconds(Long.getLong("load.seconds", 60)),
                Duration.ofMillis(Long.getLong("load.think-millis", 4000)),
                Integer.getInteger("load.browser-pages", 3),
                0,
                Duration.ofSeconds(20));
    }

    /**
     * The soak: {@code soak.minutes} (30) of {@code soak.clerks} (20) clerks on 20 orders, two
     * Chromium pages; every clerk's session ends after five orders and a new one starts.
     */
    public static LoadProfile soak() {
        return new LoadProfile(
                Integer.getInteger("soak.clerks", 20),
                20,
                Duration.ofMinutes(Long.getLong("soak.minutes", 30)),
                Duration.ofMillis(Long.getLong("soak.think-millis", 1000)),
                Integer.getInteger("soak.browser-pages", 2),
                5,
                Duration.ofSeconds(20));
    }

    public long hotOrder(int index) {
        return FIRST_HOT_ORDER + index;
    }
}
