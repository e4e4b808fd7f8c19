package org.orderdesk.load;

import java.util.Locale;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The simulated clerks' user accounts, "clerk001" to "clerk200", written straight into the user
 * tables: hashing 200 passwords would cost the run more than it works, and these clerks never
 * sign in with one. They share one hash of a password nobody knows.
 */
final class ClerkAccounts {

    /** Far above the ids the application's sequence hands out to the demo users. */
    private static final long FIRST_ID = 1_000_000;

    private ClerkAccounts() {}

    static String username(int clerk) {
        return String.format(Locale.ROOT, "clerk%03d", clerk);
    }

    static String displayName(int clerk) {
        return String.format(Locale.ROOT, "Clerk %03d", clerk);
    }

    static void create(ApplicationContext node, int clerks) {
        JdbcClient jdbc = node.getBean(JdbcClient.class);
        String hash =
                node.getBean(PasswordEncoder.class).encode(UUID.randomUUID().toString());
        for (int clerk = 1; clerk <= clerks; clerk++) {
            long id = FIRST_ID + clerk;
            jdbc.sql("insert into app_users (id, username, display_name, password_hash, enabled)"
                            + " values (:id, :username, :displayName, :hash, true)")
                    .param("id", id)
                    .param("username", username(clerk))
                    .param("displayName", displayName(clerk))
                    .param("hash", hash)
                    .update();
            jdbc.sql("insert into app_user_roles (user_id, role) values (:id, 'CLERK')")
                    .param("id", id)
                    .update();
        }
    }
}
