package org.orderdesk.security.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.server.VaadinRequest;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * A plain, hidden HTML form that posts to Spring Security's logout filter with the session's CSRF
 * token: the one way to log out.
 */
@Tag("form")
final class LogoutForm extends Component {

    LogoutForm() {
        getElement().setAttribute("method", "post");
        getElement().setAttribute("action", "logout");
        getElement().setAttribute("hidden", true);
        // The token of the request that builds the view: Spring Security's CSRF filter puts it on
        // Vaadin's own requests too, although it does not check them.
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request != null && request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            getElement()
                    .appendChild(new Element("input")
                            .setAttribute("type", "hidden")
                            .setAttribute("name", token.getParameterName())
                            .setAttribute("value", token.getToken()));
        }
    }

    /** Has the browser post the form: it leaves the app for the login page. */
    void submit() {
        getElement().executeJs("this.submit()");
    }
}
