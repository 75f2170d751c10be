package com.nexo.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser as far as logging in goes: keeps its cookies, never follows redirects, and logs in the
 * way Vaadin's login form does. The form is a web component that, on submit, copies the CSRF token
 * from the page's {@code <meta name="_csrf_parameter">} and {@code <meta name="_csrf">} into a
 * hidden field and posts {@code username}, {@code password} and that field to {@code /login}.
 */
public final class Browser {

    private static final Pattern CSRF_PARAMETER =
            Pattern.compile("<meta name=\"_csrf_parameter\" content=\"([^\"]+)\">");
    private static final Pattern CSRF_TOKEN = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\">");

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private final String base;
    private final Map<String, String> extraHeaders = new LinkedHashMap<>();
    private final List<String> setCookieHeaders = new ArrayList<>();

    public Browser(int port) {
        this(port, null);
    }

    /**
     * A browser whose connections leave from the given local address (127.0.0.2 is another host as
     * far as the server can tell); null for the default, 127.0.0.1.
     */
    public Browser(int port, InetAddress from) {
        // An address, not "localhost": the server sees the same client address on every machine.
        this.base = "http://127.0.0.1:" + port;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10));
        if (from != null) {
            builder.localAddress(from);
        }
        this.http = builder.build();
    }

    /** Sends this header with every later request (null removes it), as a proxy or a forger would. */
    public void header(String name, String value) {
        if (value == null) {
            extraHeaders.remove(name);
        } else {
            extraHeaders.put(name, value);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        extraHeaders.forEach(builder::header);
        return builder;
    }

    /** What a form post answered: a redirect, normally. */
    public record Answer(int status, String location) {

        public boolean isRedirectTo(String path) {
            return status == 302
                    && location != null
                    && URI.create(location).getPath().equals(path);
        }

        public boolean isLoginError() {
            return status == 302 && location != null && location.endsWith("/login?error");
        }

        /** Where a successful login sends the user: the start page, or the page it asked for first. */
        public boolean isLoggedInRedirect() {
            return status == 302 && location != null && !location.contains("/login");
        }
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return remember(http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** The CSRF field the login page gives its form: name and (masked) token. */
    public record CsrfField(String name, String token) {}

    /** Opens the login page and reads the CSRF field from its meta tags, as the login form does. */
    public CsrfField openLoginPage() throws IOException, InterruptedException {
        HttpResponse<String> page = get("/login");
        if (page.statusCode() != 200) {
            throw new IllegalStateException("The login page answered " + page.statusCode());
        }
        return new CsrfField(find(CSRF_PARAMETER, page.body()), find(CSRF_TOKEN, page.body()));
    }

    /** Opens the login page and submits the form as the browser would. */
    public Answer logIn(String email, String password) throws IOException, InterruptedException {
        return submitLogin(email, password, openLoginPage());
    }

    /** Posts the login form with the given CSRF field (null: without one). */
    public Answer submitLogin(String email, String password, CsrfField csrf) throws IOException, InterruptedException {
        String form = field("username", email) + "&" + field("password", password);
        if (csrf != null) {
            form += "&" + field(csrf.name(), csrf.token());
        }
        return post("/login", form);
    }

    public Answer post(String path, String form) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                request(path)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        remember(response);
        return new Answer(
                response.statusCode(), response.headers().firstValue("Location").orElse(null));
    }

    private HttpResponse<String> remember(HttpResponse<String> response) {
        setCookieHeaders.addAll(response.headers().allValues("Set-Cookie"));
        return response;
    }

    /** Every Set-Cookie header the server sent this browser so far, attributes included. */
    public List<String> setCookieHeaders() {
        return List.copyOf(setCookieHeaders);
    }

    /** The session cookie the browser holds now. */
    public Optional<String> sessionId() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    /** A cookie the browser holds now. */
    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    /** Sets a cookie, as a load balancer sending this browser to another node would pass it on. */
    public void useCookie(String name, String value) {
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(base + "/"), cookie);
    }

    /** Sets the session cookie, as someone who copied it from another browser would. */
    public void useSession(String sessionId) {
        HttpCookie cookie = new HttpCookie("JSESSIONID", sessionId);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(base + "/"), cookie);
    }

    private static String find(Pattern pattern, String page) {
        Matcher matcher = pattern.matcher(page);
        if (!matcher.find()) {
            throw new IllegalStateException("The login page has no " + pattern);
        }
        return matcher.group(1);
    }

    private static String field(String name, String value) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
