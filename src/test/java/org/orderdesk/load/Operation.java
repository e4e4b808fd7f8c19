package org.orderdesk.load;

/** What a clerk or a Chromium page did, timed one by one. */
public enum Operation {
    /** Open an order for editing (acquire its lock and load it). */
    OPEN,
    /** The clerk acts in the editor, which renews the lock when the renewal gate lets it. */
    RENEW,
    SAVE,
    /** Close the editor, giving up the lock (after saving or cancelling). */
    RELEASE,
    /** Ask the holder to release the order (and join its line). */
    ASK,
    /** Join the order's waiting line ("Notify me when free"). */
    JOIN,
    /** Give up a place in line or a reservation. */
    LEAVE,
    /** The holder answers a request to release ("Give me 5 minutes", "Not now"). */
    ANSWER,
    /** The clerk's HTTP session ends: its locks are released and its waits end. */
    SESSION_END,
    /** A Chromium page clicks Edit in its grid until the editor or the read-only order shows. */
    PAGE_OPEN,
    /** A Chromium page clicks Save until the typed notes are stored. */
    PAGE_SAVE,
    /** A Chromium page clicks Cancel until its grid shows again. */
    PAGE_CLOSE
}
