package org.orderdesk.ui;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Server push ({@code orderdesk.push.*}).
 *
 * @param minInterval the shortest time between two pushes to one browser tab: events arriving
 *     closer together are delivered together (the default allows at most 4 pushes a second)
 */
@ConfigurationProperties("orderdesk.push")
public record PushProperties(@DefaultValue("250ms") Duration minInterval) {

    public PushProperties {
        if (minInterval.isNegative()) {
            throw new IllegalArgumentException("orderdesk.push.min-interval must not be negative");
        }
    }
}
