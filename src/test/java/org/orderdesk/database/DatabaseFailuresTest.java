package org.orderdesk.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.hibernate.TransactionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.jpa.JpaSystemException;

class DatabaseFailuresTest {

    @Test
    void aRollbackThatFailedOnTheConnectionThePoolClosedIsADatabaseThatDidNotAnswer() {
        // What a renewal meets when PostgreSQL stopped under a connection the pool handed out unchecked.
        var rollbackFailed = new JpaSystemException(new TransactionException(
                "Unable to rollback against JDBC Connection", new SQLException("Connection is closed")));

        assertThat(DatabaseFailures.didNotAnswer(rollbackFailed)).isTrue();
    }

    @Test
    void aRefusedStatementIsNot() {
        assertThat(DatabaseFailures.didNotAnswer(
                        new DataIntegrityViolationException("duplicate key", new SQLException("23505"))))
                .isFalse();
    }
}
