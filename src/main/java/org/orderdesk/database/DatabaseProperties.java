package org.orderdesk.database;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code orderdesk.database.*}.
 *
 * @param probeInterval how often this node asks its database whether it answers (and so how soon
 *     after the database is back editors hold their locks again and views reload); a caller that
 *     meets no answer has it asked at once
 */
@ConfigurationProperties("orderdesk.database")
public record DatabaseProperties(@DefaultValue("2s") Duration probeInterval) {

    public DatabaseProperties {
        if (probeInterval.compareTo(Duration.ofMillis(50)) < 0) {
            throw new IllegalArgumentException(
                    "orderdesk.database.probe-interval must be at least 50ms, was " + probeInterval.toMillis() + "ms");
        }
    }
}
