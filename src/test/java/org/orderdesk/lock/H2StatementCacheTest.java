package org.orderdesk.lock;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.orderdesk.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * H2 keeps the parsed statements of a connection in a cache of {@code QUERY_CACHE_SIZE} entries, 8
 * unless set: fewer than the 12 distinct statements of one acquire and release, which then parsed
 * every statement anew, a fifth of the step's time. The application's H2 sets room for those and
 * for what else a clerk's request sends on the same pooled connection.
 */
@IntegrationTest
class H2StatementCacheTest {

    @Autowired
    private DataSource dataSource;

    @Test
    void h2KeepsMoreParsedStatementsThanALockStepRuns() {
        int cacheSize = JdbcClient.create(dataSource)
                .sql("select cast(setting_value as int) from information_schema.settings"
                        + " where setting_name = 'QUERY_CACHE_SIZE'")
                .query(Integer.class)
                .single();

        assertThat(cacheSize).isGreaterThanOrEqualTo(32);
    }
}
