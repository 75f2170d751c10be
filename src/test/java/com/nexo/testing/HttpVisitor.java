package com.nexo.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Someone visiting the running application over plain HTTP: keeps cookies, never follows redirects,
 * says which languages it reads, and asks for pages as a browser does ({@code Accept: text/html}).
 * It can log in the way Vaadin's login form does (the form copies the CSRF token from the page's
 * meta tags into its post).
 */
public final class HttpVisitor {

    public static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private static final Pattern CSRF_PARAMETER =
            Pattern.compile("<meta name=\"_csrf_parameter\" content=\"([^\"]+)\">");
    private static final Pattern CSRF_TOKEN = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\">");

    private final HttpClient http;
    private final String base;
    private final String languages;

    /** A visitor whose browser reads {@code languages} (an {@code Accept-Language} value). */
    public HttpVisitor(int port, String languages) {
        this.base = "http://127.0.0.1:" + port;
        this.languages = languages;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** Opens {@code path} as a browser's address bar does. */
    public HttpResponse<String> open(String path) throws IOException, InterruptedException {
        return get(path, BROWSER_ACCEPT);
    }

    public HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return send(request(path, accept).GET());
    }

    /** Posts a form to {@code path}, with the CSRF field of the session's last page when asked to. */
    public HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
        return send(request(path, BROWSER_ACCEPT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** The CSRF field ({@code name=token}) that {@code page} gives its forms. */
    public static String csrfField(String page) {
        return field(find(CSRF_PARAMETER, page), find(CSRF_TOKEN, page));
    }

    /** Logs in with the login form; fails unless the application accepts the password. */
    public HttpVisitor logIn(String email, String password) throws IOException, InterruptedException {
        HttpResponse<String> page = open("/login");
        HttpResponse<String> answer = post(
                "/login", field("username", email) + "&" + field("password", password) + "&" + csrfField(page.body()));
        String location = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() != 302 || location.contains("/login")) {
            throw new IllegalStateException("Login of " + email + " refused: " + answer.statusCode() + " " + location);
        }
        return this;
    }

    private HttpRequest.Builder request(String path, String accept) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", accept)
                .header("Accept-Language", languages);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String find(Pattern pattern, String page) {
        Matcher matcher = pattern.matcher(page);
        if (!matcher.find()) {
            throw new IllegalStateException("The page has no " + pattern);
        }
        return matcher.group(1);
    }

    private static String field(String name, String value) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
