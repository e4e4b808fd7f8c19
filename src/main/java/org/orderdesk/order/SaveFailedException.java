package org.orderdesk.order;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.orderdesk.database.DatabaseFailures;

/**
 * A save that failed for a reason the clerk cannot fix in the form: the database did not answer,
 * or the server ran into an error. The message says so in words and that the clerk's values are
 * kept; the reference ties it to the one log entry with the whole cause.
 */
public class SaveFailedException extends RuntimeException {

    private final String reference;

    private SaveFailedException(String message, String reference, Throwable cause) {
        super(message, cause);
        this.reference = reference;
    }

    static SaveFailedException of(Throwable cause) {
        String reference =
                HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        String message = DatabaseFailures.didNotAnswer(cause)
                ? "Could not save: the database did not answer. Your changes are kept; try again."
                : "Could not save: the server ran into an error (reference " + reference
                        + "). Your changes are kept; try again, and tell a supervisor if it happens again.";
        return new SaveFailedException(message, reference, cause);
    }

    /** Ties the clerk's message to the log entry. */
    public String reference() {
        return reference;
    }

    /** Whether the database did not answer, rather than the server failing otherwise. */
    public boolean databaseDidNotAnswer() {
        return DatabaseFailures.didNotAnswer(getCause());
    }
}
