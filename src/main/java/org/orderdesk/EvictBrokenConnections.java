package org.orderdesk;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;

/**
 * Tells the connection pool to drop a connection whose driver said it is broken. Hikari knows
 * PostgreSQL's connection errors (SQL state 08…) by itself, but not H2's ("Connection is broken",
 * "Database is already closed"), and would otherwise hand the same dead connection out again
 * right after the database came back.
 */
public class EvictBrokenConnections implements SQLExceptionOverride {

    @java.lang.Override
    public SQLExceptionOverride.Override adjudicate(SQLException failure) {
        return failure instanceof SQLNonTransientConnectionException
                ? SQLExceptionOverride.Override.MUST_EVICT
                : SQLExceptionOverride.Override.CONTINUE_EVICT;
    }
}
