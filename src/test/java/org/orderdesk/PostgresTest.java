package org.orderdesk;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * As {@link IntegrationTest}, but on PostgreSQL: a database of its own on the {@link TestPostgres}
 * server, migrated by the same Flyway scripts and filled with the same demo data.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@ContextConfiguration(initializers = PostgresTest.OwnDatabase.class)
public @interface PostgresTest {

    /** Points the context's data source at a new database on the test server. */
    class OwnDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPostgres.Database database = TestPostgres.newDatabase();
            TestPropertyValues.of(
                            "spring.datasource.url=" + database.url(),
                            "spring.datasource.username=" + database.username(),
                            "spring.datasource.password=" + database.password())
                    .applyTo(context);
        }
    }
}
