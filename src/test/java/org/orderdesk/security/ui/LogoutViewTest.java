package org.orderdesk.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orderdesk.IntegrationTest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Opening {@code /logout} signs nobody out: only a POST with the session's CSRF token does. The
 * app's own Log out button gets there through this view, which then has the browser post it.
 */
@IntegrationTest
@WithUserDetails("alice")
class LogoutViewTest extends SpringBrowserlessTest {

    @Test
    void openingTheLogoutPageSignsNobodyOutAndOffersALogOutButton() {
        navigate("logout", LogoutView.class);

        assertThat(signedIn()).isTrue();
        assertThat($(Button.class).withText("Log out").single().isVisible()).isTrue();
        assertThat(scriptCalls()).noneSatisfy(call -> assertThat(call).contains("submit()"));
    }

    @Test
    void theAppsLogOutButtonHasTheBrowserPostTheLogoutForm() {
        navigate("orders", Component.class);

        test($(Button.class).withText("Log out").single()).click();

        assertThat(getCurrentView()).isInstanceOf(LogoutView.class);
        assertThat(scriptCalls()).anySatisfy(call -> assertThat(call).contains("this.submit()"));
        assertThat(signedIn())
                .as("signed out by the POST, not by the navigation")
                .isTrue();
    }

    @Test
    void theLogOutButtonOnThePageHasTheBrowserPostTheForm() {
        navigate("logout", LogoutView.class);
        scriptCalls();

        test($(Button.class).withText("Log out").single()).click();

        assertThat(scriptCalls()).anySatisfy(call -> assertThat(call).contains("this.submit()"));
        LogoutForm form = $(LogoutForm.class).single();
        assertThat(form.getElement().getAttribute("method")).isEqualTo("post");
        assertThat(form.getElement().getAttribute("action")).isEqualTo("logout");
    }

    private static boolean signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated() && "alice".equals(authentication.getName());
    }

    /** The scripts the server asked the browser to run since the last call. */
    private static List<String> scriptCalls() {
        UI.getCurrent().getInternals().getStateTree().runExecutionsBeforeClientResponse();
        return UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                .map(PendingJavaScriptInvocation::getInvocation)
                .map(call -> call.getExpression() + " " + call.getParameters())
                .toList();
    }
}
