package org.orderdesk.load;

/**
 * How a clerk's wait in an order's line ended. A wait begins when joining the line (directly or by
 * asking the holder) leaves the clerk in line or with the order reserved; it ends in exactly one
 * of these.
 */
public enum WaitEnd {
    /** The clerk was told it is their turn: a {@code Reserved} event naming them, or the join said so. */
    TOLD_TURN,
    /** The clerk's patience ran out while the line still had them: they left it themselves. */
    GAVE_UP_IN_LINE,
    /** The run ended while the clerk waited: they left the line. */
    RUN_ENDED,
    /** The clerk was neither told their turn nor still in line: a wait that ended in silence. */
    UNTOLD;

    public boolean told() {
        return this != UNTOLD;
    }
}
