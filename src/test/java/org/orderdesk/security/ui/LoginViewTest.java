package org.orderdesk.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.orderdesk.IntegrationTest;
import org.orderdesk.security.LoginThrottledException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.web.WebAttributes;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class LoginViewTest extends SpringBrowserlessTest {

    @Test
    void anonymousVisitorOfTheOrdersIsSentToTheLogin() {
        navigate("orders", LoginView.class);

        assertThat(loginForm().isError()).isFalse();
    }

    @Test
    void anonymousVisitorOfTheLocksViewIsSentToTheLogin() {
        navigate("locks", LoginView.class);

        assertThat(loginForm().isError()).isFalse();
    }

    @Test
    void failedLoginComesBackToTheFormShowingTheError() {
        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));
        assertThat(getCurrentView()).isInstanceOf(LoginView.class);

        assertThat(loginForm().isError()).isTrue();
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
        assertThat(getCurrentView()).isInstanceOf(LoginView.class);

        assertThat(loginForm().isError()).isTrue();
        assertThat(errorMessage("title")).isEqualTo("Sign-in temporarily locked");
        assertThat(errorMessage("message"))
                .isEqualTo("Too many failed sign-ins for this username. Try again in 15 minutes.");
    }

    @Test
    void aWrongPasswordSaysSo() {
        VaadinSession.getCurrent()
                .getSession()
                .setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, new BadCredentialsException("Bad credentials"));

        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));
        assertThat(getCurrentView()).isInstanceOf(LoginView.class);

        assertThat(errorMessage("title")).isEqualTo("Wrong username or password");
    }

    @Test
    void freshLoginPageShowsNoError() {
        navigate(LoginView.class);

        assertThat(loginForm().isError()).isFalse();
        assertThat(loginForm().getAction()).isEqualTo("login");
    }

    private LoginForm loginForm() {
        return $(LoginForm.class).single();
    }

    /** A part of the error the form shows when it shows one, as the browser's login form is given it. */
    private String errorMessage(String part) {
        JsonNode i18n = (JsonNode) loginForm().getElement().getPropertyRaw("i18n");
        return i18n.get("errorMessage").get(part).asString();
    }
}
