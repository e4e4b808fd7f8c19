package org.orderdesk.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.Test;
import org.orderdesk.IntegrationTest;

@IntegrationTest
class LoginViewTest extends SpringBrowserlessTest {

    @Test
    void anonymousVisitorOfTheOrdersIsSentToTheLogin() {
        LoginView shown = navigate("orders", LoginView.class);

        assertThat(shown.loginForm().isError()).isFalse();
    }

    @Test
    void anonymousVisitorOfTheLocksViewIsSentToTheLogin() {
        LoginView shown = navigate("locks", LoginView.class);

        assertThat(shown.loginForm().isError()).isFalse();
    }

    @Test
    void failedLoginComesBackToTheFormShowingTheError() {
        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));
        LoginView view = (LoginView) getCurrentView();

        assertThat(view.loginForm().isError()).isTrue();
    }

    @Test
    void freshLoginPageShowsNoError() {
        LoginView view = navigate(LoginView.class);

        assertThat(view.loginForm().isError()).isFalse();
        assertThat(view.loginForm().getAction()).isEqualTo("login");
    }
}
