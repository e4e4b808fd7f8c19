package org.orderdesk.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The time zone a clerk reads times of day in: their browser's. Vaadin receives it with the
 * request that creates each UI (browser tab), before any view is built, so nothing is first shown
 * in another zone. The server's zone stands in where the browser sent none or one Java does not
 * know. Kept on the UI, and read through {@link UI#getCurrent()}, which {@code ui.access} sets to
 * the UI being updated: a push formats its times in the receiving clerk's zone, whoever caused it.
 *
 * @param zone the zone the UI's times of day are shown in
 */
public record ClerkZone(ZoneId zone) {

    private static final Logger log = LoggerFactory.getLogger(ClerkZone.class);

    /** The zone of the UI this thread works for; the server's outside any UI. */
    public static ZoneId current() {
        UI ui = UI.getCurrent();
        return ui == null ? serverZone() : of(ui);
    }

    /** The zone of {@code ui}'s clerk, read from the browser's details once per UI. */
    public static ZoneId of(UI ui) {
        ClerkZone kept = ComponentUtil.getData(ui, ClerkZone.class);
        if (kept != null) {
            return kept.zone();
        }
        ExtendedClientDetails browser = ui.getPage().getExtendedClientDetails();
        ZoneId zone = fromBrowser(browser.getTimeZoneId());
        // Vaadin's stand-in details, before any arrived, have no window name: keep nothing from them.
        if (browser.getWindowName() != null) {
            ComponentUtil.setData(ui, ClerkZone.class, new ClerkZone(zone));
        }
        return zone;
    }

    /** The zone a browser named (an IANA id such as "Pacific/Auckland"); the server's if none or unknown. */
    static ZoneId fromBrowser(@Nullable String zoneId) {
        if (zoneId == null || zoneId.isBlank()) {
            return serverZone();
        }
        try {
            return ZoneId.of(zoneId);
        } catch (DateTimeException unknown) {
            log.debug("The browser's time zone {} is unknown here; showing times in the server's", zoneId);
            return serverZone();
        }
    }

    private static ZoneId serverZone() {
        return ZoneId.systemDefault();
    }
}
