package org.orderdesk.bench.lockshown;

import java.util.List;

/**
 * One case of the comparison: how many clerks watch Alice's grid row, and whether they are signed
 * in on her node (A) or on the other one (B).
 */
record LockShownCase(int watchers, boolean crossNode) {

    /**
     * The cases in the order their blocks take turns: each step changes one thing, so that going
     * from one block to the next loads as few watchers' grids as it can.
     */
    static List<LockShownCase> inBlockOrder(int manyWatchers) {
        return List.of(
                new LockShownCase(1, false),
                new LockShownCase(manyWatchers, false),
                new LockShownCase(manyWatchers, true),
                new LockShownCase(1, true));
    }

    String node() {
        return crossNode ? "B" : "A";
    }

    String label() {
        return (watchers == 1 ? "1 watcher" : watchers + " watchers") + (crossNode ? ", cross node" : ", same node");
    }
}
