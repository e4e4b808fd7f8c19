package org.orderdesk.bench.app;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.browserless.SecuredBrowserlessApplicationContext;
import com.vaadin.browserless.SpringBrowserlessApplicationContext;
import org.orderdesk.Application;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The whole application in this JVM, on its own in-memory H2 with the demo data (the tests'
 * profile: the lock sweeper does not run by itself), with clerks signed in by browserless
 * sessions, each a {@code VaadinSession} and UI of its own, as {@code ClerksTest} has them.
 */
public final class RunningApp implements AutoCloseable {

    private final ConfigurableApplicationContext spring;
    private final SecuredBrowserlessApplicationContext<Authentication> browserless;

    private RunningApp(ConfigurableApplicationContext spring) {
        this.spring = spring;
        this.browserless = SpringBrowserlessApplicationContext.createSecured(spring, Application.class);
    }

    public static RunningApp start() {
        return new RunningApp(new SpringApplicationBuilder(Application.class)
                .profiles("test")
                // As command-line arguments, these win over the test profile's own.
                .run(
                        "--server.port=0",
                        "--logging.level.root=warn",
                        // As a server runs: development mode tracks every component it creates.
                        "--vaadin.productionMode=true"));
    }

    public <T> T bean(Class<T> type) {
        return spring.getBean(type);
    }

    /**
     * A new browser session of {@code username}, signed in, with one window, made on the calling
     * thread (which holds its session lock). One at a time: the browserless context is not
     * said to be thread-safe.
     */
    public BrowserlessUIContext signIn(String username) {
        UserDetails user = bean(UserDetailsService.class).loadUserByUsername(username);
        synchronized (browserless) {
            return browserless
                    .newUser(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()))
                    .newWindow();
        }
    }

    @Override
    public void close() {
        try {
            browserless.close();
        } finally {
            spring.close();
        }
    }
}
