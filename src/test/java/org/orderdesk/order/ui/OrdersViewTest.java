package org.orderdesk.order.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.orderdesk.IntegrationTest;
import org.orderdesk.order.OrderStatus;
import org.orderdesk.order.OrderSummary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;

@IntegrationTest
@WithUserDetails("alice")
class OrdersViewTest extends SpringBrowserlessTest {

    private GridTester<Grid<OrderSummary>, OrderSummary> grid;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void openOrders() {
        // Sorting is remembered per clerk: each test starts from the grid as it comes.
        jdbc.sql("delete from grid_preferences").update();
        navigate(OrdersView.class);
        grid = test(ordersGrid());
    }

    @AfterEach
    void forgetTheSort() {
        jdbc.sql("delete from grid_preferences").update();
    }

    @Test
    void theHomeIsTheOrdersGrid() {
        navigate("", OrdersView.class);

        assertThat(test(ordersGrid()).size()).isEqualTo(2000);
    }

    @Test
    void showsAllDemoOrdersWithTheirColumns() {
        assertThat(grid.size()).isEqualTo(2000);
        assertThat(matchCount()).isEqualTo("2,000 orders");
        assertThat(List.of(
                        grid.getHeaderCell(0),
                        grid.getHeaderCell(1),
                        grid.getHeaderCell(2),
                        grid.getHeaderCell(3),
                        grid.getHeaderCell(4),
                        grid.getHeaderCell(5),
                        grid.getHeaderCell(6),
                        grid.getHeaderCell(7),
                        grid.getHeaderCell(8)))
                .containsExactly(
                        "Number",
                        "Lock",
                        "Customer",
                        "Status",
                        "Order date",
                        "Delivery date",
                        "Total",
                        "Changed by",
                        "Changed at");
        assertThat(grid.getCellText(0, 0)).isEqualTo("OD-000001");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "orderNumber",
                "customer",
                "status",
                "orderDate",
                "requestedDeliveryDate",
                "total",
                "lastChangedBy",
                "lastChangedAt"
            })
    void everyColumnSorts(String column) {
        assertThat(grid.isColumnSortable(column)).isTrue();

        grid.sortByColumn(column, SortDirection.DESCENDING);

        List<OrderSummary> firstRows = firstRows(60);
        Comparator<OrderSummary> expected = comparatorFor(column).reversed();
        assertThat(firstRows).isSortedAccordingTo(expected);
    }

    @Test
    void sortingByTotalPutsTheLargestOrderFirst() {
        grid.sortByColumn("total", SortDirection.DESCENDING);
        BigDecimal largest = grid.getRow(0).total();

        grid.sortByColumn("total", SortDirection.ASCENDING);

        assertThat(grid.getRow(0).total()).isLessThan(largest);
        assertThat(firstRows(60)).isSortedAccordingTo(Comparator.comparing(OrderSummary::total));
    }

    @Test
    void filtersByTheStartOfTheOrderNumber() {
        test(search()).setValue("od-00012");

        assertThat(grid.size()).isEqualTo(10); // OD-000120 .. OD-000129
        assertThat(firstRows(10)).allMatch(row -> row.orderNumber().startsWith("OD-00012"));
        assertThat(matchCount()).isEqualTo("10 orders");
    }

    @Test
    void bareDigitsFindTheOrderNumbersContainingThem() {
        test(search()).setValue("1999");

        assertThat(firstRows(grid.size())).extracting(OrderSummary::orderNumber).containsExactly("OD-001999");
    }

    @Test
    void filtersByAnyPartOfTheCustomerIgnoringCase() {
        test(search()).setValue("HARBOUR");

        assertThat(grid.size()).isPositive().isLessThan(2000);
        assertThat(firstRows(grid.size())).allMatch(row -> row.customer().equals("Blue Harbour Foods"));
    }

    @Test
    void filtersByStatus() {
        test(statusFilter()).selectItem("Cancelled");

        assertThat(grid.size()).isPositive().isLessThan(2000);
        assertThat(firstRows(grid.size())).allMatch(row -> row.status() == OrderStatus.CANCELLED);
    }

    @Test
    void combinesTextAndStatusFilters() {
        test(search()).setValue("harbour");
        int harbourOrders = grid.size();

        test(statusFilter()).selectItem("Shipped");

        assertThat(grid.size()).isPositive().isLessThan(harbourOrders);
        assertThat(firstRows(grid.size()))
                .allMatch(row ->
                        row.status() == OrderStatus.SHIPPED && row.customer().contains("Harbour"));
    }

    @Test
    void wildcardsInTheSearchAreTakenLiterally() {
        test(search()).setValue("%");

        assertThat(grid.size()).isZero();
        assertThat(matchCount()).isEqualTo("0 orders");
    }

    @Test
    void clearingTheFiltersShowsEveryOrderAgain() {
        test(search()).setValue("zephyr");
        test(statusFilter()).selectItem("New");

        test(search()).clear();
        statusFilter().clear();

        assertThat(grid.size()).isEqualTo(2000);
    }

    @Test
    void doubleClickOpensTheOrderInTheEditor() {
        OrderSummary third = grid.getRow(2);

        grid.doubleClickRow(2);

        OrderEditorView opened = (OrderEditorView) getCurrentView();
        assertThat(opened.getPageTitle()).isEqualTo("Edit order " + third.orderNumber() + " · Order Desk");
    }

    /** The count label follows the grid's own count, which is settled when the server responds. */
    private String matchCount() {
        roundTrip();
        return $(Span.class).withClassName("match-count").single().getText();
    }

    @SuppressWarnings("unchecked")
    private Grid<OrderSummary> ordersGrid() {
        return $(Grid.class).withClassName("orders-grid").single();
    }

    /** The search field, by the label a screen reader reads. */
    private TextField search() {
        return $(TextField.class).withAriaLabel("Search orders").single();
    }

    @SuppressWarnings("unchecked")
    private ComboBox<OrderStatus> statusFilter() {
        return $(ComboBox.class).withAriaLabel("Status").single();
    }

    private List<OrderSummary> firstRows(int count) {
        List<OrderSummary> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(grid.getRow(i));
        }
        return rows;
    }

    private static Comparator<OrderSummary> comparatorFor(String column) {
        return switch (column) {
            case "orderNumber" -> Comparator.comparing(OrderSummary::orderNumber);
            case "customer" -> Comparator.comparing(OrderSummary::customer);
            case "status" -> Comparator.comparing(row -> row.status().name());
            case "orderDate" -> Comparator.comparing(OrderSummary::orderDate);
            case "requestedDeliveryDate" -> nullsLow(OrderSummary::requestedDeliveryDate);
            case "total" -> Comparator.comparing(OrderSummary::total);
            case "lastChangedBy" -> nullsLow(OrderSummary::lastChangedBy);
            case "lastChangedAt" -> nullsLow(OrderSummary::lastChangedAt);
            default -> throw new IllegalArgumentException(column);
        };
    }

    private static <C extends Comparable<? super C>> Comparator<OrderSummary> nullsLow(Function<OrderSummary, C> key) {
        return Comparator.comparing(key, Comparator.nullsFirst(Comparator.naturalOrder()));
    }
}
