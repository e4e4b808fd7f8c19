package org.orderdesk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(properties = "orderdesk.demo.enabled=false")
@ActiveProfiles("test")
class DemoDataDisabledTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void oneSwitchLeavesTheDatabaseWithoutDemoUsersOrOrders() {
        assertThat(jdbc.queryForObject("select count(*) from app_users", Long.class))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from orders", Long.class))
                .isZero();
    }
}
