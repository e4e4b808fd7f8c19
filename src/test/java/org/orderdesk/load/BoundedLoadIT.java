package org.orderdesk.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Two hundred clerks at once on fifty hot orders, plus a few real Chromium pages, for a bounded
 * time ({@code -Dload.seconds}, 60 by default; see {@link LoadProfile#bounded()}), on H2 and on a
 * two-node PostgreSQL cluster. Afterwards no accepted save is lost, no lock, place or reservation
 * is held by nobody, nothing failed but the conflicts clerks meet in normal work, and every clerk
 * who waited in a line was told their turn or ended the wait themselves. The figures are printed
 * and kept under target/load.
 */
class BoundedLoadIT {

    @Test
    void twoHundredClerksOnOneH2Node() throws Exception {
        try (LoadNodes nodes = LoadNodes.h2(LoadNodes.SHORT_LEASE)) {
            assertClean(run(nodes, "h2"));
        }
    }

    @Test
    void twoHundredClerksOnTwoPostgresNodes() throws Exception {
        try (LoadNodes nodes = LoadNodes.postgres(2, LoadNodes.SHORT_LEASE)) {
            assertClean(run(nodes, "postgres"));
        }
    }

    private static LoadReport run(LoadNodes nodes, String name) throws InterruptedException, IOException {
        LoadReport report = new LoadDriver(nodes, LoadProfile.bounded()).run();
        String table = report.table();
        System.out.println(table);
        Path kept = Path.of("target", "load", "bounded-" + name + "-" + (long) report.seconds() + "s.txt");
        Files.createDirectories(kept.getParent());
        Files.writeString(kept, table);
        return report;
    }

    private static void assertClean(LoadReport report) {
        String figures = report.table();
        assertThat(report.acceptedSaves())
                .as("clerks saved at all\n%s", figures)
                .isPositive();
        assertThat(report.count(Operation.PAGE_OPEN) > 0 || report.profile().browserPages() == 0)
                .as("the Chromium pages worked\n%s", figures)
                .isTrue();
        assertThat(report.lostUpdates()).as("lost updates\n%s", figures).isEmpty();
        assertThat(report.heldByNobody()).as("held by nobody\n%s", figures).isEmpty();
        assertThat(report.failures())
                .as("errors other than expected conflicts\n%s", figures)
                .isEmpty();
        assertThat(report.waitsTotal())
                .as("clerks waited in lines\n%s", figures)
                .isPositive();
        assertThat(report.waitsUntold())
                .as("waits that ended untold\n%s", figures)
                .isZero();
    }
}
