package org.orderdesk.security;

/**
 * The Content-Security-Policy sent with every response: what Vaadin Flow needs to run, nothing
 * from any other origin, no framing, no plugins, no forms posting elsewhere.
 */
final class ContentSecurityPolicy {

    static final String DIRECTIVES = String.join(
            "; ",
            "default-src 'self'",
            // Flow's bootstrap page and client engine run inline and eval'd script.
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            // Components set inline styles.
            "style-src 'self' 'unsafe-inline'",
            // Icons and avatars may come as data: URIs; so do the components' icon fonts.
            "img-src 'self' data:",
            "font-src 'self' data:",
            // Push is a WebSocket (or long polling) back to this origin, which 'self' covers.
            "connect-src 'self'",
            "frame-ancestors 'none'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'");

    private ContentSecurityPolicy() {}
}
