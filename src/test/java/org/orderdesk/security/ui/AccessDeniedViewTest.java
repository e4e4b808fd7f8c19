package org.orderdesk.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.RouterLink;
import org.junit.jupiter.api.Test;
import org.orderdesk.IntegrationTest;
import org.springframework.security.test.context.support.WithUserDetails;

/** A clerk who follows a link to a supervisors' page is told so, inside the app's frame. */
@IntegrationTest
@WithUserDetails("alice")
class AccessDeniedViewTest extends SpringBrowserlessTest {

    @Test
    void aClerkOpeningTheLocksViewIsToldItIsForSupervisors() {
        navigate("locks", AccessDeniedView.class);

        assertThat($(H2.class).single().getText()).isEqualTo("You don't have access to this page");
        assertThat($(Paragraph.class).single().getText()).isEqualTo("The Locks view is for supervisors.");
        assertThat($(RouterLink.class).withText("Back to orders").single().getHref())
                .isEqualTo("orders");
        assertThat(getCurrentView().getClass().getSimpleName()).isNotEqualTo("LocksView");
        // Still inside the app: the clerk's own navigation, without the Locks item.
        assertThat($(SideNavItem.class).all()).extracting(SideNavItem::getLabel).containsExactly("Orders");
    }
}
