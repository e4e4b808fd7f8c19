package org.orderdesk.bench.grid;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.orderdesk.Application;
import org.orderdesk.order.OrderFilter;
import org.orderdesk.order.OrderService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application on an in-memory H2 of its own, filled with {@code orders} demo orders by the
 * application's own generator on start-up, as a clerk's first start fills it.
 */
final class DemoOrdersApplication {

    private DemoOrdersApplication() {}

    static ConfigurableApplicationContext start(
            int orders, Consumer<ConfigurableApplicationContext> beforeRefresh, String... properties) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                // H2 would otherwise answer a repeated query from its result cache.
                "--spring.datasource.url=jdbc:h2:mem:bench-" + System.nanoTime()
                        + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64;OPTIMIZE_REUSE_RESULTS=FALSE",
                "--orderdesk.demo.orders=" + orders,
                "--logging.level.root=warn",
                "--spring.main.banner-mode=off"));
        for (String property : properties) {
            arguments.add("--" + property);
        }
        // Command-line arguments outrank application.properties.
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
                .initializers(beforeRefresh::accept)
                .run(arguments.toArray(String[]::new));
        long stored = context.getBean(OrderService.class).count(OrderFilter.NONE);
        if (stored != orders) {
            context.close();
            throw new IllegalStateException("expected " + orders + " orders, found " + stored);
        }
        return context;
    }

    static ConfigurableApplicationContext start(int orders) {
        return start(orders, context -> {});
    }
}
