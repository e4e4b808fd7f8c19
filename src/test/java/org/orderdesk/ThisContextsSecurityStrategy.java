package org.orderdesk;

import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Points Spring Security's global holder at the strategy of the test's own application context
 * before the test user is set. Vaadin's security setup makes each context install its own
 * strategy globally on start-up, so after a test that started another context, the user a test
 * signs in would land where the views of a cached context never look, and they would see nobody.
 */
public class ThisContextsSecurityStrategy implements TestExecutionListener, Ordered {

    @Override
    public void beforeTestMethod(TestContext testContext) {
        testContext
                .getApplicationContext()
                .getBeanProvider(SecurityContextHolderStrategy.class)
                .ifUnique(SecurityContextHolder::setContextHolderStrategy);
    }

    /** Before spring-security-test's listener (10000), which signs in the test user. */
    @Override
    public int getOrder() {
        return 9_000;
    }
}
