package org.orderdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Times of day are shown in the zone of the clerk's browser, read once per tab; the server's zone
 * stands in only where the browser named none or one that does not exist. Dates stay dates.
 */
class ClerkZoneTest {

    /** 2026-11-30 01:24:05 UTC: 14:24:05 in Auckland (NZDT), 20:24:05 the day before in New York (EST). */
    private static final Instant LOCKED_AT = Instant.parse("2026-11-30T01:24:05Z");

    @AfterEach
    void leaveTheUi() {
        UI.setCurrent(null);
    }

    @Test
    void timesOfDayAreInTheBrowsersZone() {
        inBrowserZone("Pacific/Auckland");

        assertThat(Formats.time(LOCKED_AT)).isEqualTo("14:24:05");
        assertThat(Formats.timestamp(LOCKED_AT)).isEqualTo("2026-11-30 14:24:05");
        assertThat(Formats.dateTime(LOCKED_AT)).isEqualTo("2026-11-30 14:24");
    }

    @Test
    void theSameMomentReadsAsAnotherDayInAnotherZone() {
        inBrowserZone("America/New_York");

        assertThat(Formats.dateTime(LOCKED_AT)).isEqualTo("2026-11-29 20:24");
    }

    @Test
    void summerTimeFollowsTheZonesRulesNotTheOffsetOfToday() {
        inBrowserZone("America/New_York");

        assertThat(Formats.time(Instant.parse("2026-07-01T12:00:00Z"))).isEqualTo("08:00:00");
        assertThat(Formats.time(Instant.parse("2026-12-01T12:00:00Z"))).isEqualTo("07:00:00");
    }

    @Test
    void anUnknownOrMalformedZoneFallsBackToTheServersZone() {
        for (String zone : new String[] {"Mars/Olympus_Mons", "not a zone", "+99:00", "", "undefined"}) {
            inBrowserZone(zone);

            assertThat(Formats.time(LOCKED_AT)).as(zone).isEqualTo(inServerZone(LOCKED_AT));
        }
    }

    @Test
    void withoutBrowserDetailsOrOutsideAnyUiTimesAreInTheServersZone() {
        UI.setCurrent(new UI());
        assertThat(Formats.time(LOCKED_AT)).isEqualTo(inServerZone(LOCKED_AT));

        UI.setCurrent(null);
        assertThat(Formats.time(LOCKED_AT)).isEqualTo(inServerZone(LOCKED_AT));
    }

    @Test
    void aTabKeepsTheZoneItStartedWithSoThatOneScreenNeverMixesZones() {
        UI tab = inBrowserZone("Pacific/Auckland");
        assertThat(Formats.time(LOCKED_AT)).isEqualTo("14:24:05");

        browserDetails(tab, "America/New_York");

        assertThat(Formats.time(LOCKED_AT)).isEqualTo("14:24:05");
        assertThat(ClerkZone.of(tab)).isEqualTo(ZoneId.of("Pacific/Auckland"));
    }

    @Test
    void eachTabHasItsOwnZone() {
        UI auckland = inBrowserZone("Pacific/Auckland");
        UI newYork = inBrowserZone("America/New_York");

        assertThat(ClerkZone.of(auckland)).isEqualTo(ZoneId.of("Pacific/Auckland"));
        assertThat(ClerkZone.of(newYork)).isEqualTo(ZoneId.of("America/New_York"));
    }

    @Test
    void anOrderDateIsTheSameDateInEveryZone() {
        LocalDate orderDate = LocalDate.of(2026, 11, 30);

        inBrowserZone("Pacific/Auckland");
        String inAuckland = Formats.date(orderDate);
        inBrowserZone("America/New_York");

        assertThat(Formats.date(orderDate)).isEqualTo(inAuckland).isEqualTo("2026-11-30");
    }

    /** A new tab whose browser sent {@code zoneId} with its first request, current on this thread. */
    private static UI inBrowserZone(String zoneId) {
        UI ui = new UI();
        browserDetails(ui, zoneId);
        UI.setCurrent(ui);
        return ui;
    }

    /** What Vaadin stores when a browser sends its details: the window name comes with them. */
    private static void browserDetails(UI ui, String zoneId) {
        Map<String, String> sent = Map.of("v-tzid", zoneId, "v-wn", "window-1");
        ExtendedClientDetails.updateFromValues(ui, sent::get);
    }

    private static String inServerZone(Instant instant) {
        return DateTimeFormatter.ofPattern("HH:mm:ss").format(instant.atZone(ZoneId.systemDefault()));
    }
}
