package org.orderdesk.ui;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How dates, times and amounts look everywhere in the app (ISO dates: unambiguous for every
 * clerk). A moment is shown in the zone of the clerk who reads it ({@link ClerkZone}); a date from
 * the data (an order date) is the same date for everyone.
 */
public final class Formats {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Formats() {}

    public static String date(@Nullable LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public static String dateTime(@Nullable Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(ClerkZone.current()));
    }

    /** A moment to the second, such as an audit entry's: "2026-11-26 10:35:12". */
    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant.atZone(ClerkZone.current()));
    }

    /** A time of day to the second, such as when a lock ends: "10:35:12". */
    public static String time(Instant instant) {
        return TIME.format(instant.atZone(ClerkZone.current()));
    }

    /** Time left as minutes and seconds, rounded up so that "0:00" means it is over: "1:58". */
    public static String countdown(Duration left) {
        long seconds = left.isNegative() ? 0 : (left.toMillis() + 999) / 1000;
        return seconds / 60 + ":" + String.format(Locale.ROOT, "%02d", seconds % 60);
    }

    /** "1st", "2nd", "3rd", "4th", "11th", "21st": a place in a line. */
    public static String ordinal(int place) {
        int lastTwo = place % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13
                ? "th"
                : switch (place % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return place + suffix;
    }

    public static String money(BigDecimal amount) {
        return String.format(Locale.US, "%,.2f", amount);
    }
}
