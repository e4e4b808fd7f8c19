package org.orderdesk.demo;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Demo users and orders written on the first start of an empty database.
 *
 * @param enabled {@code false} starts with an empty database (no users, no orders)
 * @param orders how many demo orders to create
 */
@ConfigurationProperties("orderdesk.demo")
@Validated
public record DemoDataProperties(
        @DefaultValue("true") boolean enabled,

        @DefaultValue("2000") @PositiveOrZero @Max(1_000_000)
        int orders) {}
