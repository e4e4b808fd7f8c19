package org.orderdesk.order.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouterLink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.orderdesk.IntegrationTest;
import org.orderdesk.order.Order;
import org.orderdesk.order.OrderLine;
import org.orderdesk.order.OrderService;
import org.orderdesk.ui.Formats;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

@IntegrationTest
@WithUserDetails("bob")
class OrderViewTest extends SpringBrowserlessTest {

    @Autowired
    OrderService orderService;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void showsTheOrderAndItsLinesReadOnly() {
        long id = idOf("OD-000042");
        Order order = orderService.findWithLines(id).orElseThrow();

        navigate("orders/" + id, OrderView.class);

        assertThat($(H2.class).single().getText()).isEqualTo("Order " + order.getOrderNumber());
        TextField customer = field("Customer");
        assertThat(customer.getValue()).isEqualTo(order.getCustomer());
        assertThat(customer.isReadOnly()).isTrue();
        assertThat(field("Status").getValue()).isEqualTo(order.getStatus().label());
        assertThat(field("Total").getValue()).isEqualTo(Formats.money(order.getTotal()));
        assertThat(field("Order date").getValue()).isEqualTo(Formats.date(order.getOrderDate()));
        assertThat($(TextArea.class).single().isReadOnly()).isTrue();
        assertThat($(TextField.class).all()).allMatch(TextField::isReadOnly);

        @SuppressWarnings("unchecked")
        Grid<OrderLine> lines = $(Grid.class).withClassName("order-lines").single();
        assertThat(test(lines).size()).isEqualTo(order.getLines().size()).isBetween(1, 6);
        assertThat(test(lines).getCellText(0, 1))
                .isEqualTo(order.getLines().getFirst().getProduct());
        assertThat(test(lines).getFooterCell(4)).isEqualTo("Total " + Formats.money(order.getTotal()));
    }

    @Test
    void offersTheWayBackToTheGrid() {
        navigate("orders/" + idOf("OD-000007"), OrderView.class);

        RouterLink back = $(RouterLink.class).withText("Back to orders").single();
        assertThat(back.getHref()).isEqualTo("orders");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1", "0", "999999999", "1.5", "99999999999999999999999"})
    void unknownOrMalformedIdsShowOrderNotFound(String badId) {
        navigate("orders/" + badId, OrderNotFoundView.class);

        assertThat(getCurrentView()).isInstanceOf(OrderNotFoundView.class);
        assertThat($(H2.class).single().getText()).isEqualTo("Order not found");
        assertThat($(Paragraph.class).single().getText()).contains("There is no order “" + badId);
        assertThat($(RouterLink.class).withText("Back to orders").single().getHref())
                .isEqualTo("orders");
    }

    private long idOf(String orderNumber) {
        return jdbc.queryForObject("select id from orders where order_number = ?", Long.class, orderNumber);
    }

    private TextField field(String label) {
        return $(TextField.class).withCaption(label).single();
    }
}
