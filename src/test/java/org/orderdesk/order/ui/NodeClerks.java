package org.orderdesk.order.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.browserless.SecuredBrowserlessApplicationContext;
import com.vaadin.browserless.SpringBrowserlessApplicationContext;
import com.vaadin.browserless.internal.MockVaadin;
import com.vaadin.flow.component.avatar.AvatarGroup;
import com.vaadin.flow.component.avatar.AvatarGroup.AvatarGroupItem;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.orderdesk.Application;
import org.orderdesk.order.OrderSummary;
import org.orderdesk.ui.LivePushMeters;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The clerks of one node of a {@code cluster.ClusterNodes} cluster, each signed in with a
 * browserless session and window of their own on that node's application, and what their
 * screens show. Several nodes run in one JVM, and each installs its own Spring Security strategy
 * globally on start-up: before a window of this node is used, the global holder is pointed at
 * this node's strategy again (see {@code ThisContextsSecurityStrategy}).
 */
final class NodeClerks implements AutoCloseable {

    private final ConfigurableApplicationContext node;
    private final SecuredBrowserlessApplicationContext<Authentication> app;
    private final List<BrowserlessUIContext> windows = new ArrayList<>();

    NodeClerks(ConfigurableApplicationContext node) {
        this.node = node;
        useThisNodesSecurity();
        this.app = SpringBrowserlessApplicationContext.createSecured(node, Application.class);
    }

    /** A new browser session on this node for {@code username}, signed in, with one window, active. */
    BrowserlessUIContext signIn(String username) {
        useThisNodesSecurity();
        UserDetails user = node.getBean(UserDetailsService.class).loadUserByUsername(username);
        BrowserlessUIContext window = app.newUser(
                        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()))
                .newWindow();
        windows.add(window);
        return window;
    }

    /** Makes {@code window} the one the test acts in. */
    BrowserlessUIContext activate(BrowserlessUIContext window) {
        useThisNodesSecurity();
        window.activate();
        return window;
    }

    /** Waits until the pushes on their way reached {@code ui.access}, then lets every window take them. */
    void deliverPushes() {
        LivePushMeters live = new LivePushMeters(node.getBean(MeterRegistry.class));
        await().atMost(Duration.ofSeconds(5)).until(() -> !live.isPushing());
        windows.stream().filter(window -> !window.getUI().isClosing()).forEach(window -> {
            activate(window);
            MockVaadin.runUIQueue(false, window.getUser().getSession());
            window.roundTrip();
        });
    }

    /** The read-only view's lock banner, after the pushes so far; empty when there is none. */
    String banner(BrowserlessUIContext window) {
        deliverPushes();
        activate(window);
        return window.find(Div.class).withClassName("lock-banner").all().stream()
                .map(banner -> banner.getElement().getTextRecursively())
                .findFirst()
                .orElse("");
    }

    /** The other clerks' avatars beside the order's title, after the pushes so far. */
    List<String> viewers(BrowserlessUIContext window) {
        deliverPushes();
        activate(window);
        // Hidden, and so not found, while nobody else looks.
        return window.find(AvatarGroup.class).withClassName("order-viewers").all().stream()
                .flatMap(viewers -> viewers.getItems().stream())
                .map(AvatarGroupItem::getName)
                .toList();
    }

    /** A property of the grid's lock cell of order {@code orderId} (row n - 1), after the pushes so far. */
    String lockCell(BrowserlessUIContext window, long orderId, String property) {
        deliverPushes();
        activate(window);
        @SuppressWarnings("unchecked")
        Grid<OrderSummary> grid =
                window.find(Grid.class).withClassName("orders-grid").single();
        int row = (int) orderId - 1;
        assertThat(window.test(grid).getRow(row).id()).isEqualTo(orderId);
        return window.test(grid).getLitRendererPropertyValue(row, "lock", property, String.class);
    }

    String lockHolder(BrowserlessUIContext window, long orderId) {
        return lockCell(window, orderId, "lockHolder");
    }

    /** Closes the clerks' sessions; on a node that crashed there is nothing left to close. */
    @Override
    public void close() {
        if (node.isActive()) {
            useThisNodesSecurity();
            app.close();
        }
    }

    private void useThisNodesSecurity() {
        node.getBeanProvider(SecurityContextHolderStrategy.class)
                .ifUnique(SecurityContextHolder::setContextHolderStrategy);
    }
}
