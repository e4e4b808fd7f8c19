package org.orderdesk.security.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.jspecify.annotations.Nullable;
import org.orderdesk.security.LoginThrottledException;
import org.springframework.security.web.WebAttributes;

/**
 * Spring Security form login; a failed attempt comes back with {@code ?error}, and says why when
 * sign-ins are throttled.
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Log in · Order Desk")
@AnonymousAllowed
class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm loginForm = new LoginForm();
    private final LoginI18n i18n = LoginI18n.createDefault();

    LoginView() {
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        i18n.getForm().setTitle("Sign in");
        loginForm.setAction("login");
        loginForm.setForgotPasswordButtonVisible(false);

        add(new H1("Order Desk"), loginForm);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (lastFailure() instanceof LoginThrottledException throttled) {
            i18n.getErrorMessage().setTitle("Sign-in temporarily locked");
            i18n.getErrorMessage().setMessage(throttled.getMessage());
        } else {
            i18n.getErrorMessage().setTitle("Wrong username or password");
            i18n.getErrorMessage().setMessage("Check your username and password and try again.");
        }
        loginForm.setI18n(i18n);
        loginForm.setError(
                event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }

    /** Why the last sign-in in this session failed, as Spring Security's failure handler kept it. */
    private static @Nullable Object lastFailure() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null ? null : session.getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    }
}
