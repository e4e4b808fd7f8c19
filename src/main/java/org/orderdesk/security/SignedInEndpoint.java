package org.orderdesk.security;

import org.springframework.http.HttpMethod;

/**
 * A request outside Vaadin that any signed-in user may make; features declare theirs as beans
 * and the security configuration lets them through.
 */
public record SignedInEndpoint(HttpMethod method, String path) {}
