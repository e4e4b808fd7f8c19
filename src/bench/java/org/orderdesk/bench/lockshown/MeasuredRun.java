package org.orderdesk.bench.lockshown;

import java.util.List;

/**
 * One measured run, every time in ms since the epoch on this machine's one clock: Alice's click
 * (her page), the request it made leave her page (its resource timing; NaN if not timed), the lock
 * event on node A right after the commit, the event on the watchers' node (the commit itself on
 * node A), and when each watcher's grid showed the lock (each watcher's page).
 */
record MeasuredRun(
        long clickedAtMs, double requestSentAtMs, double committedAtMs, double heardAtMs, List<Long> shownAtMs) {

    /** Click to shown, one per watcher. */
    List<Double> totals() {
        return shownAtMs.stream().map(shown -> (double) (shown - clickedAtMs)).toList();
    }

    /** Click to shown in the last watcher's grid to show it. */
    double slowestTotal() {
        return slowestShownAtMs() - clickedAtMs;
    }

    double clickToRequest() {
        return requestSentAtMs - clickedAtMs;
    }

    double requestToCommit() {
        return committedAtMs - requestSentAtMs;
    }

    /** The relay's part: zero when the watchers are on node A. */
    double commitToEvent() {
        return heardAtMs - committedAtMs;
    }

    /** Event on the watchers' node to shown (push, the page's DOM), one per watcher. */
    List<Double> eventToShown() {
        return shownAtMs.stream().map(shown -> shown - heardAtMs).toList();
    }

    double slowestEventToShown() {
        return slowestShownAtMs() - heardAtMs;
    }

    private long slowestShownAtMs() {
        return shownAtMs.stream().mapToLong(Long::longValue).max().orElseThrow();
    }
}
