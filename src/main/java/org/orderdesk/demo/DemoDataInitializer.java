package org.orderdesk.demo;

import org.orderdesk.order.OrderService;
import org.orderdesk.security.UserAccountService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Fills an empty database with the demo users and orders, unless {@code orderdesk.demo.enabled=false}. */
@Component
class DemoDataInitializer implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataInitializer.class);

    /** Orders are written in chunks, each in its own transaction, so memory stays flat. */
    private static final int CHUNK = 500;

    private final DemoDataProperties properties;
    private final UserAccountService userAccounts;
    private final OrderService orders;

    DemoDataInitializer(DemoDataProperties properties, UserAccountService userAccounts, OrderService orders) {
        this.properties = properties;
        this.userAccounts = userAccounts;
        this.orders = orders;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.enabled()) {
            return;
        }
        if (!userAccounts.hasUsers()) {
            DemoUsers.ALL.forEach(
                    user -> userAccounts.create(user.username(), user.displayName(), user.password(), user.roles()));
            log.warn(
                    "Created demo users {} with the passwords from README.md; set orderdesk.demo.enabled=false"
                            + " for a database that real people use",
                    DemoUsers.ALL.stream().map(DemoUsers.DemoUser::username).toList());
        }
        if (!orders.hasOrders() && properties.orders() > 0) {
            DemoOrderGenerator generator = new DemoOrderGenerator();
            for (int done = 0; done < properties.orders(); done += CHUNK) {
                orders.createAll(generator.next(Math.min(CHUNK, properties.orders() - done)));
            }
            log.info("Created {} demo orders", properties.orders());
        }
    }
}
