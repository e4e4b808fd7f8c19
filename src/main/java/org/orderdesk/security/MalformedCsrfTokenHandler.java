package org.orderdesk.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * Spring Security's masked CSRF tokens, except that a token which cannot be unmasked is simply a
 * wrong one: refused with 403 and one short log line. Spring Security's own handler throws on a
 * value that is Base64 but not UTF-8 once unmasked, which anyone could use to write an ERROR with
 * a stack trace into the log with every request.
 */
final class MalformedCsrfTokenHandler implements CsrfTokenRequestHandler {

    private static final Logger log = LoggerFactory.getLogger(MalformedCsrfTokenHandler.class);

    private final XorCsrfTokenRequestAttributeHandler masked = new XorCsrfTokenRequestAttributeHandler();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
        masked.handle(request, response, csrfToken);
    }

    @Override
    public @Nullable String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
        try {
            return masked.resolveCsrfTokenValue(request, csrfToken);
        } catch (IllegalArgumentException malformed) {
            log.info("Refused {} {}: malformed CSRF token", request.getMethod(), request.getRequestURI());
            return null;
        }
    }
}
