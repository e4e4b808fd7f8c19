package org.orderdesk.database;

/**
 * The database did not answer a step that needed it; the cause says how. Nothing is known about
 * whether the step took effect: a caller asks again once the database answers.
 */
public class DatabaseNotAnsweringException extends RuntimeException {

    public DatabaseNotAnsweringException(Throwable cause) {
        super("The database did not answer", cause);
    }
}
