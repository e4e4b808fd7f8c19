package org.orderdesk.cluster;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class EventCodecConfig {

    /** The application's JSON settings are for its web edges; notifications need only plain values. */
    @Bean
    EventCodec eventCodec() {
        return new EventCodec(JsonMapper.builder().build());
    }
}
