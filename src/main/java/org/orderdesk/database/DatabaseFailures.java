package org.orderdesk.database;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.hibernate.TransactionException;
import org.hibernate.exception.JDBCConnectionException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure of the database to answer (no connection, a broken one, a timeout: trying again
 * later may work) from every other failure, whichever layer wrapped it: JDBC, Hibernate, Spring.
 * A rollback or commit that failed counts too: when a pooled connection broke under a statement,
 * the pool closes it, and the rollback that follows fails on the closed connection; that failure
 * replaces the statement's own one.
 */
public final class DatabaseFailures {

    private DatabaseFailures() {}

    /** Whether {@code failure}, or any of its causes, says the database did not answer. */
    public static boolean didNotAnswer(@Nullable Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DatabaseNotAnsweringException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof TransactionSystemException
                    || cause instanceof TransactionException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessException
                    || cause instanceof RecoverableDataAccessException
                    || cause instanceof JDBCConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLTransientException
                    || cause instanceof SQLRecoverableException) {
                return true;
            }
        }
        return false;
    }
}
