package org.orderdesk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.orderdesk.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

@IntegrationTest
// A context, and so a database, of its own: the editor tests save demo orders in the shared one.
@TestPropertySource(properties = "spring.application.name=order-desk-pristine-demo-data")
class DemoDataTest {

    @Autowired
    Flyway flyway;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void flywayCreatedTheSchema() {
        assertThat(flyway.info().current().getVersion().getVersion()).isEqualTo("6");
        assertThat(flyway.info().pending()).isEmpty();
        List<String> tables = jdbc.queryForList(
                "select lower(table_name) from information_schema.tables where lower(table_schema) = 'public'",
                String.class);
        assertThat(tables)
                .contains(
                        "orders",
                        "order_lines",
                        "app_users",
                        "app_user_roles",
                        "edit_locks",
                        "lock_audit",
                        "release_reminders",
                        "grid_preferences",
                        "grid_column_preferences");
    }

    @Test
    void demoUsersHaveHashedPasswordsAndTheirRoles() {
        List<Map<String, Object>> users =
                jdbc.queryForList("select u.username, u.password_hash, r.role from app_users u"
                        + " join app_user_roles r on r.user_id = u.id order by u.username, r.role");

        assertThat(users)
                .extracting(row -> row.get("USERNAME") + ":" + row.get("ROLE"))
                .containsExactly("alice:CLERK", "bob:CLERK", "carol:CLERK", "sam:CLERK", "sam:SUPERVISOR");
        assertThat(users)
                .extracting(row -> (String) row.get("PASSWORD_HASH"))
                .allMatch(hash -> hash.startsWith("$2a$") && hash.length() == 60);
    }

    @Test
    void twoThousandOrdersWithOneToSixLinesEach() {
        assertThat(jdbc.queryForObject("select count(*) from orders", Long.class))
                .isEqualTo(2000);
        assertThat(jdbc.queryForObject(
                        "select count(*) from (select order_id, count(*) as n from order_lines group by order_id)"
                                + " as per_order where n between 1 and 6",
                        Long.class))
                .isEqualTo(2000);
    }

    @Test
    void everyTotalIsTheSumOfItsLines() {
        Long mismatches = jdbc.queryForObject(
                "select count(*) from orders o where o.total <> (select sum(l.quantity * l.unit_price)"
                        + " from order_lines l where l.order_id = o.id)",
                Long.class);

        assertThat(mismatches).isZero();
    }

    @Test
    void theDemoOrdersAreTheSameOnEveryMachine() {
        // Values written down once from a run: a change to the generator or its seed breaks them.
        assertThat(jdbc.queryForMap(
                        "select customer, status, order_date, total from orders where order_number = 'OD-000001'"))
                .containsEntry("CUSTOMER", "Polar Ice Rinks")
                .containsEntry("STATUS", "SHIPPED")
                .containsEntry("ORDER_DATE", Date.valueOf("2026-05-02"))
                .containsEntry("TOTAL", new BigDecimal("2148.60"));
        assertThat(jdbc.queryForObject("select sum(total) from orders", BigDecimal.class))
                .isEqualByComparingTo("5968356.69");
        assertThat(jdbc.queryForObject("select count(*) from order_lines", Long.class))
                .isEqualTo(6975);
    }
}
