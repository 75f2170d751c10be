package com.nexo.security.sso;

import com.nexo.security.AccessRuleException;
import com.nexo.security.NexoUser;
import com.nexo.security.UserService;
import com.nexo.security.events.SecurityEventLog;
import com.nexo.security.events.SecurityEventType;
import com.nexo.security.login.HardenedAuthenticationProvider;
import com.nexo.security.login.LoginThrottle;
import com.nexo.security.login.LoginThrottledException;
import com.nexo.security.login.NexoUserDetailsService;
import com.nexo.tenancy.TenantContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serial;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Login through an OpenID Connect provider, ending in the same principal as a password login.
 *
 * <p>Spring Security's provider checks the provider's answer (code exchange, ID token signature,
 * issuer, audience, nonce). Then the person is mapped to a NEXO user by e-mail, only when the
 * provider says the e-mail is verified, through the same look-up as the password login; a tenant
 * whose settings allow it gets a new user for an unknown e-mail of its domain. A disabled user or a
 * suspended tenant is refused as at the password login. Every attempt is a security event with the
 * method {@code oidc:<registration>}.
 *
 * <p>Throttling: a locked source address is refused before the provider is even asked, and every
 * refused sign-on counts against the address. The account's lock-out, which guards the password
 * against guessing, does not stop a sign-on: the provider proved who it is, and a password guesser
 * must not be able to keep the real user out of its provider's login too.
 */
public class SingleSignOnLogin implements AuthenticationProvider {

    private final AuthenticationProvider oidc;
    private final NexoUserDetailsService users;
    private final UserService userService;
    private final JdbcClient jdbc;
    private final LoginThrottle throttle;
    private final SecurityEventLog events;

    public SingleSignOnLogin(
            AuthenticationProvider oidc,
            NexoUserDetailsService users,
            UserService userService,
            JdbcClient jdbc,
            LoginThrottle throttle,
            SecurityEventLog events) {
        this.oidc = oidc;
        this.users = users;
        this.userService = userService;
        this.jdbc = jdbc;
        this.throttle = throttle;
        this.events = events;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return OAuth2LoginAuthenticationToken.class.isAssignableFrom(authentication);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        OAuth2LoginAuthenticationToken request = (OAuth2LoginAuthenticationToken) authentication;
        String method = "oidc:" + request.getClientRegistration().getRegistrationId();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;
        int wait = throttle.waitSeconds("", address);
        if (wait > 0) {
            events.recordLogin(SecurityEventType.LOGIN_FAILED, "", address, null, method + " locked");
            throw new LoginThrottledException(wait);
        }
        OAuth2LoginAuthenticationToken answer;
        try {
            answer = (OAuth2LoginAuthenticationToken) oidc.authenticate(request);
        } catch (OAuth2AuthenticationException e) {
            throw refused("", address, method, "provider-error " + e.getError().getErrorCode(), e);
        }
        if (answer == null || !(answer.getPrincipal() instanceof OidcUser person)) {
            // Not an OpenID Connect sign-on (no "openid" scope): no verified e-mail to go by.
            throw refused("", address, method, "not-openid-connect", null);
        }
        String email = HardenedAuthenticationProvider.forRecords(person.getEmail());
        if (email.isEmpty()) {
            throw refused("", address, method, "no-email", null);
        }
        if (!Boolean.TRUE.equals(person.getEmailVerified())) {
            throw refused(email, address, method, "unverified-email", null);
        }
        Optional<NexoUser> found = users.findForSingleSignOn(email).or(() -> createIfAllowed(person, email, method));
        if (found.isEmpty()) {
            throw refused(email, address, method, "unknown-user", null);
        }
        NexoUser user = found.get();
        if (!user.isEnabled()) {
            events.recordLogin(SecurityEventType.LOGIN_FAILED, email, address, null, method + " disabled");
            throw new DisabledException("Account disabled");
        }
        throttle.succeeded(email, user.userId());
        events.recordLogin(SecurityEventType.LOGIN_SUCCEEDED, email, address, null, method);
        OAuth2LoginAuthenticationToken result = new OAuth2LoginAuthenticationToken(
                answer.getClientRegistration(),
                answer.getAuthorizationExchange(),
                new SignedOnUser(person, user),
                user.getAuthorities(),
                answer.getAccessToken(),
                answer.getRefreshToken());
        result.setDetails(authentication.getDetails());
        return result;
    }

    /** The tenant that creates users on a first sign-on from this e-mail domain (null: none). */
    private static final String AUTO_CREATE_TENANT = "SELECT nexo_sso_auto_create_tenant(:domain)";

    /**
     * A new user for an unknown e-mail, when the tenant that allows this e-mail's domain has turned
     * automatic creation on; otherwise nothing.
     */
    private Optional<NexoUser> createIfAllowed(OidcUser person, String email, String method) {
        String domain = email.substring(email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        UUID tenant = jdbc.sql(AUTO_CREATE_TENANT)
                .param("domain", domain)
                .query(UUID.class)
                .optional()
                .orElse(null);
        if (tenant == null) {
            return Optional.empty();
        }
        try {
            TenantContext.callAsSystem(
                    tenant,
                    null,
                    () -> userService.createSingleSignOnUser(email, displayName(person), language(person), method));
        } catch (AccessRuleException e) {
            // Taken meanwhile (the same person signing on twice at once) or by an operator: look again.
        }
        return users.findForSingleSignOn(email);
    }

    private static String displayName(OidcUser person) {
        String name = person.getFullName();
        if (name == null || name.isBlank()) {
            name = String.join(
                            " ",
                            Optional.ofNullable(person.getGivenName()).orElse(""),
                            Optional.ofNullable(person.getFamilyName()).orElse(""))
                    .strip();
        }
        name = name.replaceAll("\\p{Cntrl}", " ").strip();
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    /** The provider's language for the person, when NEXO speaks it; otherwise the tenant's. */
    private static String language(OidcUser person) {
        String tag = person.getLocale();
        if (tag == null) {
            return null;
        }
        String language = Locale.forLanguageTag(tag.replace('_', '-')).getLanguage();
        return Set.of("es", "en").contains(language) ? language : null;
    }

    private SingleSignOnRefusedException refused(
            String email, String address, String method, String reason, Throwable cause) {
        events.recordLogin(SecurityEventType.LOGIN_FAILED, email, address, null, method + " " + reason);
        int lockSeconds = throttle.failed("", address);
        if (lockSeconds > 0) {
            events.recordLogin(SecurityEventType.LOCKED_OUT, email, address, null, method + " " + lockSeconds + "s");
        }
        return new SingleSignOnRefusedException(reason, cause);
    }

    /**
     * The provider's person together with the NEXO user it maps to, until {@link SuccessHandler}
     * puts the NEXO user alone in the security context.
     */
    public static final class SignedOnUser extends DefaultOidcUser {

        @Serial
        private static final long serialVersionUID = 1L;

        private final NexoUser user;

        SignedOnUser(OidcUser person, NexoUser user) {
            super(user.getAuthorities(), person.getIdToken(), person.getUserInfo());
            this.user = user;
        }

        public NexoUser user() {
            return user;
        }
    }

    /**
     * After a sign-on (the session id has already changed), stores the same authentication a password
     * login stores, the NEXO user as principal, and goes on to the page asked for first.
     */
    public static final class SuccessHandler implements AuthenticationSuccessHandler {

        private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();
        private final AuthenticationSuccessHandler next = new SavedRequestAwareAuthenticationSuccessHandler();

        @Override
        public void onAuthenticationSuccess(
                HttpServletRequest request, HttpServletResponse response, Authentication authentication)
                throws IOException, ServletException {
            Authentication result = authentication;
            if (authentication.getPrincipal() instanceof SignedOnUser signedOn) {
                NexoUser user = signedOn.user();
                UsernamePasswordAuthenticationToken token =
                        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
                token.setDetails(authentication.getDetails());
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(token);
                SecurityContextHolder.setContext(context);
                repository.saveContext(context, request, response);
                result = token;
            }
            next.onAuthenticationSuccess(request, response, result);
        }
    }

    /**
     * NEXO calls none of the provider's APIs after login, so it keeps none of its tokens in the
     * session.
     */
    public static final class NoTokensKept implements OAuth2AuthorizedClientRepository {

        @Override
        @SuppressWarnings("unchecked")
        public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(
                String clientRegistrationId, Authentication principal, HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(
                OAuth2AuthorizedClient authorizedClient,
                Authentication principal,
                HttpServletRequest request,
                HttpServletResponse response) {}

        @Override
        public void removeAuthorizedClient(
                String clientRegistrationId,
                Authentication principal,
                HttpServletRequest request,
                HttpServletResponse response) {}
    }
}
