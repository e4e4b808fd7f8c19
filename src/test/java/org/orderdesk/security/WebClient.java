package org.orderdesk.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser's worth of plain HTTP against the running application: its own cookies, no
 * redirects followed, so that a test sees each response as the server sent it.
 */
final class WebClient {

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    WebClient(int port) {
        this.baseUrl = "http://localhost:" + port;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Accept", "text/html")
                .GET()
                .build());
    }

    /** A GET as a monitoring tool sends it: JSON wanted, no page. */
    HttpResponse<String> getJson(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Accept", "application/json")
                .GET()
                .build());
    }

    /** Posts {@code body} exactly as given: the test decides what is, and is not, well-formed. */
    HttpResponse<String> postRaw(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    HttpResponse<String> postForm(String path, Map<String, String> fields) {
        return postRaw(
                path,
                fields.entrySet().stream()
                        .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                        .collect(Collectors.joining("&")));
    }

    /** The CSRF token the page at {@code path} carries in its {@code _csrf} meta tag, as a login form reads it. */
    String csrfTokenOf(String path) {
        HttpResponse<String> page = get(path);
        Matcher token = CSRF_META.matcher(page.body());
        if (!token.find()) {
            throw new AssertionError(path + " has no _csrf meta tag; status " + page.statusCode());
        }
        return token.group(1);
    }

    /** Signs in through the login form's own POST, with the token the login page gave. */
    void signIn(String username, String password) {
        String token = csrfTokenOf("/login");
        HttpResponse<String> response =
                postForm("/login", Map.of("username", username, "password", password, "_csrf", token));
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("error")) {
            throw new AssertionError(
                    "Signing in " + username + " failed: " + response.statusCode() + " to '" + location + "'");
        }
    }

    /** The session id this browser's cookie carries now, if it has one. */
    java.util.Optional<String> sessionId() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("JSESSIONID"))
                .map(java.net.HttpCookie::getValue)
                .findFirst();
    }

    /** Sends {@code sessionId} as this browser's session cookie from now on, as if someone had planted it. */
    void useSessionId(String sessionId) {
        java.net.HttpCookie cookie = new java.net.HttpCookie("JSESSIONID", sessionId);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(baseUrl), cookie);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
