package org.orderdesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.awaitility.Awaitility.await;
import static org.orderdesk.browser.BrowserSession.logIn;
import static org.orderdesk.browser.BrowserSession.screenshot;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Real Chromium: a clerk drags the orders grid's columns into place and finds them there after a
 * reload; with the preview shown, the arrow keys show each order beside the grid without opening
 * it, and Enter still opens it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class GridLayoutBrowserIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void forgetTheLayouts() {
        jdbc.sql("delete from grid_preferences").update();
    }

    @Test
    void aResizedAndMovedColumnIsWhereBobLeftItAfterAReload() {
        // Bob, not Carol: SignInBrowserIT leaves Carol's sign-in locked in the context the ITs share.
        Page page = clerk("bob", "Bob");
        double customerWidth = header(page, "Customer").width;
        assertThat(header(page, "Lock").x).isLessThan(header(page, "Total").x);

        dragResizeHandle(page, "Customer", 120);
        double widened = header(page, "Customer").width;
        assertThat(widened).isGreaterThan(customerWidth + 60);
        drag(page, header(page, "Total"), header(page, "Lock"));
        assertThat(header(page, "Total").x).isLessThan(header(page, "Lock").x);
        // Saved in the round trip after each drag; a reload before its answer would race it.
        await().atMost(Duration.ofSeconds(15)).until(() -> totalBeforeLockIsStored("bob"));
        screenshot(page, "grid-arranged");

        page.reload();

        assertThat(page.locator(".match-count")).hasText("2,000 orders");
        assertThat(header(page, "Total").x).isLessThan(header(page, "Lock").x);
        assertThat(header(page, "Number").x).isLessThan(header(page, "Total").x);
        assertThat(header(page, "Customer").width).isCloseTo(widened, offset(2.0));
    }

    @Test
    void arrowKeysShowEachOrderInThePreviewAndEnterOpensIt() {
        Page page = clerk("bob", "Bob");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview"))
                .click();
        Locator preview = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Order preview"));
        assertThat(preview).isVisible();

        page.getByText("OD-000001", new Page.GetByTextOptions().setExact(true)).click();
        assertThat(previewHeading(page, "OD-000001")).isVisible();
        page.keyboard().press("ArrowDown");
        page.keyboard().press("ArrowDown");

        assertThat(previewHeading(page, "OD-000003")).isVisible();
        assertThat(page).hasURL(Pattern.compile(".*/(orders)?$"));
        assertThat(preview.getByLabel("Customer")).not().isEditable();
        screenshot(page, "grid-preview");

        page.reload();
        assertThat(preview).isVisible();
        page.getByText("OD-000004", new Page.GetByTextOptions().setExact(true)).click();
        page.keyboard().press("ArrowUp");
        assertThat(previewHeading(page, "OD-000003")).isVisible();
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Edit order OD-000003")))
                .isVisible();
    }

    private boolean totalBeforeLockIsStored(String username) {
        return jdbc.sql("""
                        select count(*) from grid_column_preferences t join grid_column_preferences l
                            on l.username = t.username and l.grid = t.grid
                         where t.username = :username and t.column_key = 'total' and l.column_key = 'lock'
                           and t.column_position < l.column_position""").param("username", username).query(Long.class).single() > 0;
    }

    private Page clerk(String username, String displayName) {
        Page page = browser.newClerkWindow(1600, 900);
        opened.add(page.context());
        page.navigate(url("/login"));
        logIn(page, username, username);
        assertThat(page.locator(".current-user")).hasText(displayName);
        assertThat(page.locator(".match-count")).hasText("2,000 orders");
        return page;
    }

    private static Locator previewHeading(Page page, String orderNumber) {
        return page.locator(".order-preview")
                .getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setName("Order " + orderNumber));
    }

    /** Where the header cell of the column headed {@code text} is on the page. */
    private static BoundingBox header(Page page, String text) {
        Locator content = page.locator("vaadin-grid.orders-grid vaadin-grid-cell-content")
                .getByText(text, new Locator.GetByTextOptions().setExact(true))
                .first();
        // The cell's content is as wide as its text; the cell it is slotted into is the column's width.
        List<?> box = (List<?>) content.evaluate("""
                element => {
                    const cell = element.closest('vaadin-grid-cell-content').assignedSlot.parentElement;
                    const box = cell.getBoundingClientRect();
                    return [box.x, box.y, box.width, box.height];
                }""");
        BoundingBox cell = new BoundingBox();
        cell.x = ((Number) box.get(0)).doubleValue();
        cell.y = ((Number) box.get(1)).doubleValue();
        cell.width = ((Number) box.get(2)).doubleValue();
        cell.height = ((Number) box.get(3)).doubleValue();
        return cell;
    }

    /** Drags the resize handle at the right edge of the column headed {@code text} by {@code dx} pixels. */
    private static void dragResizeHandle(Page page, String text, double dx) {
        BoundingBox column = header(page, text);
        double rightEdge = column.x + column.width;
        Locator handles = page.locator("vaadin-grid.orders-grid [part~='resize-handle']");
        BoundingBox handle = handles.all().stream()
                .map(Locator::boundingBox)
                .filter(box -> box != null && box.width > 0)
                .min(Comparator.comparingDouble(box -> Math.abs(box.x + box.width / 2 - rightEdge)))
                .orElseThrow();
        double x = handle.x + handle.width / 2;
        double y = handle.y + handle.height / 2;
        page.mouse().move(x, y);
        page.mouse().down();
        page.mouse().move(x + dx, y, new Mouse.MoveOptions().setSteps(10));
        page.mouse().up();
    }

    /** Drags the header {@code from} onto the left half of the header {@code to}. */
    private static void drag(Page page, BoundingBox from, BoundingBox to) {
        double x = from.x + from.width / 2;
        double y = from.y + from.height / 2;
        page.mouse().move(x, y);
        page.mouse().down();
        // The grid takes the column under the pointer where the drag starts, a few pixels on.
        page.mouse().move(x - 10, y, new Mouse.MoveOptions().setSteps(5));
        page.mouse().move(to.x + to.width / 4, to.y + to.height / 2, new Mouse.MoveOptions().setSteps(20));
        page.mouse().up();
    }
}
