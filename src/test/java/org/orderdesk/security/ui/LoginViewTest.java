package org.orderdesk.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.orderdesk.IntegrationTest;
import org.orderdesk.security.LoginThrottledException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.web.WebAttributes;

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
    void aThrottledSignInSaysWhyAndForHowLong() {
        // Where Spring Security's failure handler keeps the reason for the last failed sign-in.
        VaadinSession.getCurrent()
                .getSession()
                .setAttribute(
                        WebAttributes.AUTHENTICATION_EXCEPTION,
                        LoginThrottledException.forUsername(Duration.ofMinutes(15)));

        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));
        LoginView view = (LoginView) getCurrentView();

        assertThat(view.loginForm().isError()).isTrue();
        assertThat(view.errorMessage().getTitle()).isEqualTo("Sign-in temporarily locked");
        assertThat(view.errorMessage().getMessage())
                .isEqualTo("Too many failed sign-ins for this username. Try again in 15 minutes.");
    }

    @Test
    void aWrongPasswordSaysSo() {
        VaadinSession.getCurrent()
                .getSession()
                .setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, new BadCredentialsException("Bad credentials"));

        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));
        LoginView view = (LoginView) getCurrentView();

        assertThat(view.errorMessage().getTitle()).isEqualTo("Wrong username or password");
    }

    @Test
    void freshLoginPageShowsNoError() {
        LoginView view = navigate(LoginView.class);

        assertThat(view.loginForm().isError()).isFalse();
        assertThat(view.loginForm().getAction()).isEqualTo("login");
    }
}
