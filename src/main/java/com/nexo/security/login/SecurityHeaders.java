package com.nexo.security.login;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The response headers every page and resource of NEXO carries, for both filter chains.
 *
 * <p>The content security policy allows only NEXO's own origin. Vaadin Flow still needs inline
 * scripts and {@code eval} (its bootstrap page and the templates it sends at run time), and inline
 * styles (Lumo and component themes set style attributes), so those two exceptions stay; plugins,
 * frames and foreign form targets are refused, and no other site may frame NEXO. Every screen was
 * checked in Chromium with the console open in production mode ({@code ContentSecurityPolicyJourneyTest}
 * does it on each run in development mode).
 */
final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = String.join(
            "; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "worker-src 'self'",
            "manifest-src 'self'",
            "media-src 'self'",
            "object-src 'none'",
            "frame-src 'none'",
            "frame-ancestors 'none'",
            "base-uri 'self'",
            "form-action 'self'");

    /** Features NEXO never uses; a page (or an injected script) cannot ask the browser for them. */
    static final String PERMISSIONS_POLICY = String.join(
            ", ",
            "camera=(self)",
            "microphone=()",
            "geolocation=()",
            "payment=()",
            "usb=()",
            "serial=()",
            "bluetooth=()",
            "midi=()",
            "magnetometer=()",
            "gyroscope=()",
            "accelerometer=()");

    private SecurityHeaders() {}

    static <H extends org.springframework.security.config.annotation.web.HttpSecurityBuilder<H>>
            Customizer<HeadersConfigurer<H>> all() {
        return headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny);
    }
}
