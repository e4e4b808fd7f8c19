package org.orderdesk.order.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValueAndElement;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import java.util.List;
import java.util.stream.Collectors;
import org.orderdesk.order.OrderSummary;

/**
 * What a clerk's browserless window shows and the clicks a clerk makes, read as the clerk reads
 * them: shared by the tests with several clerks on one node ({@link ClerksTest}) and on several
 * ({@link ClusterClerksTest}). Every method activates the window first.
 */
final class Screens {

    private Screens() {}

    /**
     * Whether the clerk sees {@code field} read-only. The editor of an order whose lock is lost
     * makes its fields read-only in the browser only, by the web component's {@code readonly}
     * attribute, so that a value still on its way from the browser is kept.
     */
    static boolean shownReadOnly(HasValueAndElement<?, ?> field) {
        return field.isReadOnly() || field.getElement().hasAttribute("readonly");
    }

    /** The texts of the notifications open in {@code window}, oldest first. */
    static List<String> notices(BrowserlessUIContext window) {
        window.activate();
        return window.find(Notification.class).all().stream()
                .filter(Notification::isOpened)
                .map(notice -> {
                    String text = window.test(notice).getText();
                    return text == null || text.isBlank()
                            ? window.find(Span.class, notice).all().stream()
                                    .map(Span::getText)
                                    .collect(Collectors.joining(" "))
                            : text;
                })
                .toList();
    }

    /** The open notification in {@code window} whose text contains {@code text}. */
    static Notification notice(BrowserlessUIContext window, String text) {
        window.activate();
        return window.find(Notification.class).all().stream()
                .filter(Notification::isOpened)
                .filter(notice -> window.find(Span.class, notice).all().stream()
                        .anyMatch(span -> span.getText().contains(text)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No notice '" + text + "' in " + notices(window)));
    }

    /** Clicks the button labelled {@code text} inside {@code container} (a view, a notification, a dialog). */
    static void click(BrowserlessUIContext window, Component container, String text) {
        window.activate();
        window.test(window.find(Button.class, container).withText(text).single())
                .click();
    }

    /** Clicks the button labelled {@code text} anywhere in {@code window}. */
    static void click(BrowserlessUIContext window, String text) {
        window.activate();
        window.test(window.find(Button.class).withText(text).single()).click();
    }

    /** The grid of orders shown in {@code window}. */
    @SuppressWarnings("unchecked")
    static Grid<OrderSummary> ordersGrid(BrowserlessUIContext window) {
        window.activate();
        return window.find(Grid.class).withClassName("orders-grid").single();
    }

    /** Why the editor in {@code window} lost its lock, as its lost-lock panel says. */
    static String lockLostReason(BrowserlessUIContext window) {
        window.activate();
        return window.find(Paragraph.class)
                .withClassName("lock-lost-reason")
                .single()
                .getText();
    }

    static boolean hasButton(BrowserlessUIContext window, String text) {
        window.activate();
        return window.find(Button.class).withText(text).exists();
    }

    /** The read-only view's lock banner as the clerk reads it; empty while it shows nothing. */
    static String banner(BrowserlessUIContext window) {
        window.activate();
        return window.find(Div.class).withClassName("lock-banner").all().stream()
                .map(banner -> banner.getElement().getTextRecursively())
                .findFirst()
                .orElse("");
    }

    /**
     * A property of the lock column's cell for the order in the grid of {@code window}, in the
     * grid's default order (order n is row n - 1): {@code lockHolder}, {@code lockEnd}, {@code lockState}.
     */
    static String lockCell(BrowserlessUIContext window, long orderId, String property) {
        window.activate();
        GridTester<Grid<OrderSummary>, OrderSummary> grid = window.test(ordersGrid(window));
        int row = (int) orderId - 1;
        assertThat(grid.getRow(row).id()).isEqualTo(orderId);
        return grid.getLitRendererPropertyValue(row, "lock", property, String.class);
    }

    /** The clerk's place in the order's waiting line as the read-only view says it; empty while it says none. */
    static String placeInLine(BrowserlessUIContext window) {
        window.activate();
        return window.find(Div.class).withClassName("line-place").all().stream()
                .map(Div::getText)
                .findFirst()
                .orElse("");
    }

    /** How long the clerk's turn lasts, as their "free now" notice says it: "Reserved for you · 0:30". */
    static String turnCountdown(BrowserlessUIContext window) {
        window.activate();
        return window.find(Div.class).withClassName("turn-countdown").all().stream()
                .map(div -> div.getElement().getTextRecursively())
                .findFirst()
                .orElse("");
    }
}
