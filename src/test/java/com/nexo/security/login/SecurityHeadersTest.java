package com.nexo.security.login;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.security.Browser;
import com.nexo.testing.NexoSpringTest;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every answer carries the content security policy, the referrer and permissions policies and a
 * frame ban, whichever chain answers it (login page, application page, static resource, actuator),
 * and every cookie NEXO sets is SameSite=Lax. {@code ContentSecurityPolicyJourneyTest} shows in
 * Chromium that the screens work under that policy.
 */
@NexoSpringTest
class SecurityHeadersTest {

    @LocalServerPort
    private int port;

    @Test
    void the_login_page_an_application_page_and_the_actuator_carry_the_policies() throws Exception {
        Browser browser = new Browser(port);
        assertPolicies(browser.get("/login"), "/login");
        assertPolicies(browser.get("/actuator/health"), "/actuator/health");
        assertPolicies(browser.get("/manifest.webmanifest"), "the web app manifest");

        assertThat(browser.logIn("admin@demo.nexo", "Demo-2026!").isLoggedInRedirect())
                .isTrue();
        HttpResponse<String> page = browser.get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertPolicies(page, "/ logged in");
    }

    @Test
    void every_cookie_set_on_the_way_in_is_same_site_lax() throws Exception {
        Browser browser = new Browser(port);
        assertThat(browser.logIn("consulta@demo.nexo", "Demo-2026!").isLoggedInRedirect())
                .isTrue();
        browser.get("/");

        List<String> cookies = browser.setCookieHeaders();
        assertThat(cookies)
                .as("the session cookie and NEXO's session record cookie")
                .anyMatch(cookie -> cookie.startsWith("JSESSIONID="))
                .anyMatch(cookie -> cookie.startsWith("NEXO_SESSION="));
        assertThat(cookies).allSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("SameSite=Lax"));
    }

    private static void assertPolicies(HttpResponse<String> response, String what) {
        HttpHeaders headers = response.headers();
        assertThat(headers.firstValue("Content-Security-Policy"))
                .as("CSP of %s", what)
                .hasValue(SecurityHeaders.CONTENT_SECURITY_POLICY);
        assertThat(headers.firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'self'", "object-src 'none'", "frame-ancestors 'none'");
        assertThat(headers.firstValue("Referrer-Policy"))
                .as("referrer policy of %s", what)
                .hasValue("same-origin");
        assertThat(headers.firstValue("Permissions-Policy"))
                .as("permissions policy of %s", what)
                .hasValue(SecurityHeaders.PERMISSIONS_POLICY);
        assertThat(headers.firstValue("X-Frame-Options"))
                .as("frame ban of %s", what)
                .hasValue("DENY");
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }
}
