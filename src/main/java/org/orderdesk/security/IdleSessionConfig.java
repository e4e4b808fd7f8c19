package org.orderdesk.security;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts the idle-session check in front of Spring Security. */
@Configuration(proxyBeanMethods = false)
class IdleSessionConfig {

    @Bean
    FilterRegistrationBean<IdleSessionFilter> idleSessionFilter(IdleSessions sessions) {
        FilterRegistrationBean<IdleSessionFilter> registration =
                new FilterRegistrationBean<>(new IdleSessionFilter(sessions));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }
}
