package org.orderdesk.lock.web;

import org.orderdesk.security.SignedInEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** The release endpoint's security rule: a closing tab's beacon, which releases only this session's own lock. */
@Configuration
class LockReleaseSecurity {

    @Bean
    SignedInEndpoint lockReleaseEndpoint() {
        return new SignedInEndpoint(HttpMethod.POST, LockReleaseController.PATH);
    }
}
