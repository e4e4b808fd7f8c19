package org.orderdesk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The PostgreSQL tests really run on PostgreSQL, migrated by the same Flyway scripts as H2. */
@PostgresTest
class PostgresSchemaTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDatabaseIsPostgresMigratedToTheLatestVersionWithTheDemoData() {
        assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
        assertThat(jdbc.sql("select max(version) from flyway_schema_history where success")
                        .query(String.class)
                        .single())
                .isEqualTo("4");
        assertThat(jdbc.sql("select count(*) from orders").query(Long.class).single())
                .isEqualTo(2000);
    }
}
