package com.nexo.security.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.security.AccessPermissions;
import com.nexo.security.AccessRuleException;
import com.nexo.security.Browser;
import com.nexo.security.NexoUser;
import com.nexo.security.UserService;
import com.nexo.security.UserService.NewUser;
import com.nexo.security.login.LoginHardeningTest;
import com.nexo.security.login.LoginProperties;
import com.nexo.security.sessions.SessionTracker;
import com.nexo.security.users.UserAdministration;
import com.nexo.security.users.UserEdits;
import com.nexo.security.users.UserForm;
import com.nexo.security.users.UserList;
import com.nexo.security.users.UserList.UserQuery;
import com.nexo.tenancy.ActorType;
import com.nexo.tenancy.TenantContext;
import com.nexo.tenancy.TenantService;
import com.nexo.testing.LoggedIn;
import com.nexo.testing.NexoSpringTest;
import com.nexo.testing.TestOidcProvider;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Single sign-on end to end, over HTTP against a real OpenID Connect provider running on a local port
 * ({@link TestOidcProvider}): the browser starts at NEXO, is sent to the provider, comes back with a
 * code that NEXO exchanges for a signed ID token, and ends up logged in as the NEXO user of that
 * verified e-mail, or back on the login page with the reason in the session.
 */
@NexoSpringTest
class SingleSignOnLoginTest {

    static final UUID DEMO_TENANT = LoginHardeningTest.DEMO_TENANT;
    static final String DEMO_ADMIN = LoginHardeningTest.DEMO_ADMIN;
    static final String PASSWORD = "Sign-On-Test-77";
    static final String METHOD = "oidc:test-idp";

    @LocalServerPort
    private int port;

    @Autowired
    private UserService users;

    @Autowired
    private UserList userList;

    @Autowired
    private UserAdministration administration;

    @Autowired
    private TenantService tenants;

    @Autowired
    private SingleSignOnSettings settings;

    @Autowired
    private UserDetailsService userDetailsService;

    @Autowired
    private LoginProperties loginProperties;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Autowired
    private WebServerApplicationContext server;

    @Autowired
    private SessionTracker sessions;

    // --- Existing users ---------------------------------------------------------------------

    @Test
    void a_verified_email_of_an_existing_user_logs_in_as_that_user_with_a_new_session() throws Exception {
        String email = newUser(DEMO_TENANT, "read-only");
        SignOnBrowser browser = new SignOnBrowser(port);

        Flow flow = browser.signOn("subject-" + email, claims(email.toUpperCase(Locale.ROOT), true));

        assertThat(flow.isLoggedIn()).as("%s", flow).isTrue();
        assertThat(flow.sessionAfter()).as("session id after sign-on").isNotEqualTo(flow.sessionBefore());
        assertThat(session(flow.sessionBefore())).as("the pre-login session").isNull();
        NexoUser user = loggedInUser(browser);
        assertThat(user.email()).isEqualTo(email);
        assertThat(user.userId()).isEqualTo(userId(email));
        assertThat(user.tenantId()).isEqualTo(DEMO_TENANT);
        assertThat(user.actorType()).isEqualTo(ActorType.EMPLOYEE);
        assertThat(user.getPassword())
                .as("no password hash kept in the session")
                .isNull();
        // Logged in for more than one request: the per-request access check agrees with the session.
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        assertThat(loginEvents(email)).containsExactly("LOGIN_SUCCEEDED 127.0.0.1 " + METHOD);
        assertThat(lastLogin(email)).isNotNull();
        // Listed among the user's sessions like any other, so an administrator can end it.
        assertThat(sessions.sessionsOf(user.userId())).hasSize(1);
    }

    @Test
    void logging_out_ends_the_signed_on_session() throws Exception {
        String email = newUser(DEMO_TENANT, "read-only");
        SignOnBrowser browser = new SignOnBrowser(port);
        assertThat(browser.signOn("subject-" + email, claims(email, true)).isLoggedIn())
                .isTrue();
        String sessionId = browser.sessionId().orElseThrow();
        String page = browser.get("/").body();

        HttpResponse<String> logout = browser.post("/logout", csrfField(page));

        assertThat(logout.statusCode()).as("logout answers with a redirect").isEqualTo(302);
        assertThat(session(sessionId)).as("the signed-on session").isNull();
        assertThat(browser.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void the_signed_on_user_has_the_permissions_of_its_roles_as_after_a_password_login() throws Exception {
        String email = newUser(DEMO_TENANT, "administrator");
        SignOnBrowser browser = new SignOnBrowser(port);

        assertThat(browser.signOn("subject-" + email, claims(email, true)).isLoggedIn())
                .isTrue();

        NexoUser user = loggedInUser(browser);
        NexoUser byPassword = (NexoUser) userDetailsService.loadUserByUsername(email);
        assertThat(user.permissions()).isEqualTo(byPassword.permissions()).contains(AccessPermissions.USERS_EDIT);
        assertThat(user.databaseContext()).isEqualTo(byPassword.databaseContext());
        assertThat(browser.get("/admin/users").statusCode()).isEqualTo(200);
    }

    @Test
    void an_email_the_provider_has_not_verified_is_refused() throws Exception {
        String email = newUser(DEMO_TENANT, "read-only");
        SignOnBrowser browser = new SignOnBrowser(port);

        Flow flow = browser.signOn("subject-" + email, claims(email, false));

        assertThat(flow.isLoginError()).as("%s", flow).isTrue();
        assertThat(lastLoginFailure(browser)).isInstanceOf(SingleSignOnRefusedException.class);
        assertThat(browser.get("/").statusCode()).as("not logged in").isEqualTo(302);
        assertThat(loginEvents(email)).containsExactly("LOGIN_FAILED 127.0.0.1 " + METHOD + " unverified-email");
    }

    @Test
    void an_email_without_the_verified_claim_is_refused_too() throws Exception {
        String email = newUser(DEMO_TENANT, "read-only");
        Map<String, Object> claims = claims(email, true);
        claims.remove("email_verified");
        SignOnBrowser browser = new SignOnBrowser(port);

        Flow flow = browser.signOn("subject-" + email, claims);

        assertThat(flow.isLoginError()).as("%s", flow).isTrue();
        assertThat(lastLoginFailure(browser)).isInstanceOf(SingleSignOnRefusedException.class);
    }

    @Test
    void an_unknown_email_is_refused_with_the_same_answer_and_no_user_is_created() throws Exception {
        // The demo tenant creates no users on sign-on (the default).
        String email = "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@demo.nexo";
        SignOnBrowser browser = new SignOnBrowser(port);

        Flow flow = browser.signOn("subject-" + email, claims(email, true));

        assertThat(flow.isLoginError()).as("%s", flow).isTrue();
        Object failure = lastLoginFailure(browser);
        assertThat(failure).isInstanceOf(SingleSignOnRefusedException.class);
        // The same exception class as an unverified e-mail of an existing user: the login page cannot
        // tell the two apart.
        assertThat(failure.getClass()).isEqualTo(SingleSignOnRefusedException.class);
        assertThatThrownBy(() -> userDetailsService.loadUserByUsername(email))
                .isInstanceOf(UsernameNotFoundException.class);
        // Recorded as an event of no tenant (no user has the e-mail), so no tenant's log shows it.
        assertThat(loginEvents(email)).isEmpty();
    }

    @Test
    void a_disabled_user_cannot_sign_on() throws Exception {
        String email = newUser(DEMO_TENANT, "read-only");
        setEnabled(email, false);
        SignOnBrowser browser = new SignOnBrowser(port);

        Flow flow = browser.signOn("subject-" + email, claims(email, true));

        assertThat(flow.isLoginError()).as("%s", flow).isTrue();
        assertThat(lastLoginFailure(browser)).isInstanceOf(DisabledException.class);
        assertThat(browser.get("/").statusCode()).isEqualTo(302);
        assertThat(loginEvents(email)).containsExactly("LOGIN_FAILED 127.0.0.1 " + METHOD + " disabled");
    }

    @Test
    void the_users_of_a_suspended_tenant_cannot_sign_on() throws Exception {
        UUID tenantId = newTenant();
        String email = newUser(tenantId, "administrator");
        TenantContext.callAsOperator(null, () -> tenants.suspend(tenantId));
        SignOnBrowser browser = new SignOnBrowser(port);

        Flow flow = browser.signOn("subject-" + email, claims(email, true));

        assertThat(flow.isLoginError()).as("%s", flow).isTrue();
        assertThat(lastLoginFailure(browser)).isInstanceOf(DisabledException.class);
    }

    @Test
    void an_account_locked_by_password_guessing_still_signs_on_through_its_provider() throws Exception {
        String email = newUser(DEMO_TENANT, "read-only");
        Browser guesser = new Browser(port);
        for (int i = 0; i < loginProperties.accountFailures(); i++) {
            guesser.logIn(email, "wrong-password-" + i);
        }
        assertThat(guesser.logIn(email, PASSWORD).isLoginError())
                .as("the password login is paused")
                .isTrue();

        SignOnBrowser browser = new SignOnBrowser(port);
        Flow flow = browser.signOn("subject-" + email, claims(email, true));

        assertThat(flow.isLoggedIn()).as("%s", flow).isTrue();
        assertThat(new Browser(port).logIn(email, PASSWORD).isLoginError())
                .as("the password's lock-out runs its course: nothing ends it early")
                .isTrue();
    }

    // --- Users created on their first sign-on ---------------------------------------------------

    @Test
    void a_tenant_that_allows_it_gets_a_read_only_user_without_password_on_the_first_sign_on() throws Exception {
        UUID tenantId = newTenant();
        String admin = newUser(tenantId, "administrator");
        String domain = "sso-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        asUser(admin, () -> settings.change(new SignOnForm(true, " @" + domain.toUpperCase(Locale.ROOT) + " ")));
        String email = "new.person@" + domain;
        Map<String, Object> claims = claims(email, true);
        claims.put("name", "New Person");
        claims.put("locale", "en-GB");
        SignOnBrowser browser = new SignOnBrowser(port);

        Flow flow = browser.signOn("subject-" + email, claims);

        assertThat(flow.isLoggedIn()).as("%s", flow).isTrue();
        NexoUser user = loggedInUser(browser);
        assertThat(user.email()).isEqualTo(email);
        assertThat(user.tenantId()).isEqualTo(tenantId);
        assertThat(user.actorType()).isEqualTo(ActorType.EMPLOYEE);
        assertThat(user.displayName()).isEqualTo("New Person");
        assertThat(user.locale()).isEqualTo(Locale.ENGLISH);
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        UserForm created = asUser(admin, () -> administration.getForm(user.userId()));
        assertThat(asUser(
                        admin,
                        () -> userList.page(new UserQuery(email, null), null, 10)
                                .rows()))
                .singleElement()
                .satisfies(row -> assertThat(row.roles())
                        .extracting(UserList.RoleName::code)
                        .containsExactly("read-only"));
        assertThat(created.isEnabled()).isTrue();
        assertThat(passwordHash(tenantId, email))
                .as("no password: single sign-on only")
                .isNull();
        assertThat(securityEvents(tenantId, user.userId())).contains("USER_CREATED", "LOGIN_SUCCEEDED");

        // Without a password, the password login cannot find the user at all.
        assertThat(new Browser(port).logIn(email, "").isLoginError()).isTrue();
        assertThat(new Browser(port).logIn(email, PASSWORD).isLoginError()).isTrue();
        // A second sign-on finds the user it created.
        assertThat(new SignOnBrowser(port).signOn("subject-" + email, claims).isLoggedIn())
                .isTrue();
        assertThat(asUser(
                        admin,
                        () -> userList.page(new UserQuery(email, null), null, 10)
                                .rows()))
                .hasSize(1);
    }

    @Test
    void a_user_without_password_cannot_change_one_but_an_administrator_can_set_one() throws Exception {
        UUID tenantId = newTenant();
        String admin = newUser(tenantId, "administrator");
        String domain = "sso-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        asUser(admin, () -> settings.change(new SignOnForm(true, domain)));
        String email = "no.password@" + domain;
        SignOnBrowser browser = new SignOnBrowser(port);
        assertThat(browser.signOn("subject-" + email, claims(email, true)).isLoggedIn())
                .isTrue();
        NexoUser signedOn = loggedInUser(browser);

        assertThatThrownBy(() -> LoggedIn.asPrincipal(signedOn, () -> {
                    users.changeMyPassword("anything-at-all-1", "A-new-password-2");
                    return null;
                }))
                .isInstanceOfSatisfying(
                        AccessRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("password.error.none-set"));

        asUser(admin, () -> {
            administration.resetPassword(signedOn.userId(), PASSWORD);
            return null;
        });
        assertThat(new Browser(port).logIn(email, PASSWORD).isLoggedInRedirect())
                .isTrue();
        assertThat(browser.get("/").statusCode())
                .as("the signed-on session ends: the password was set since it began")
                .isEqualTo(302);
    }

    @Test
    void an_unknown_email_of_a_domain_without_automatic_creation_is_refused() throws Exception {
        UUID tenantId = newTenant();
        String admin = newUser(tenantId, "administrator");
        String domain = "sso-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        asUser(admin, () -> settings.change(new SignOnForm(false, domain)));
        String email = "someone@" + domain;
        SignOnBrowser browser = new SignOnBrowser(port);

        Flow flow = browser.signOn("subject-" + email, claims(email, true));

        assertThat(flow.isLoginError()).as("%s", flow).isTrue();
        assertThat(lastLoginFailure(browser)).isInstanceOf(SingleSignOnRefusedException.class);
        assertThat(asUser(
                        admin,
                        () -> userList.page(new UserQuery(email, null), null, 10)
                                .rows()))
                .isEmpty();
    }

    @Test
    void an_unverified_email_of_an_auto_creating_domain_creates_nobody() throws Exception {
        UUID tenantId = newTenant();
        String admin = newUser(tenantId, "administrator");
        String domain = "sso-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        asUser(admin, () -> settings.change(new SignOnForm(true, domain)));
        String email = "unverified@" + domain;
        SignOnBrowser browser = new SignOnBrowser(port);

        Flow flow = browser.signOn("subject-" + email, claims(email, false));

        assertThat(flow.isLoginError()).as("%s", flow).isTrue();
        assertThat(asUser(
                        admin,
                        () -> userList.page(new UserQuery(email, null), null, 10)
                                .rows()))
                .isEmpty();
    }

    @Test
    void a_suspended_tenant_creates_no_users_on_sign_on() throws Exception {
        UUID tenantId = newTenant();
        String admin = newUser(tenantId, "administrator");
        String domain = "sso-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        asUser(admin, () -> settings.change(new SignOnForm(true, domain)));
        TenantContext.callAsOperator(null, () -> tenants.suspend(tenantId));
        String email = "late@" + domain;
        SignOnBrowser browser = new SignOnBrowser(port);

        Flow flow = browser.signOn("subject-" + email, claims(email, true));

        assertThat(flow.isLoginError()).as("%s", flow).isTrue();
        assertThat(lastLoginFailure(browser)).isInstanceOf(SingleSignOnRefusedException.class);
        assertThat(userExists(tenantId, email)).isFalse();
    }

    // --- Helpers ----------------------------------------------------------------------------

    /** The claims a provider sends for a person with this e-mail. */
    private static Map<String, Object> claims(String email, boolean verified) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("email", email);
        claims.put("email_verified", verified);
        return claims;
    }

    /** What one sign-on did: the session ids before and after, and where NEXO sent the browser. */
    record Flow(String sessionBefore, String sessionAfter, int status, String location) {

        boolean isLoggedIn() {
            return status == 302 && location != null && !location.contains("/login");
        }

        boolean isLoginError() {
            return status == 302 && location != null && location.endsWith("/login?error");
        }
    }

    /**
     * A browser that signs on: keeps cookies, follows no redirect on its own, and goes from NEXO to the
     * provider and back as a browser would.
     */
    static final class SignOnBrowser {

        private final CookieManager cookies = new CookieManager();
        private final HttpClient http;
        private final String base;

        SignOnBrowser(int port) {
            this.base = "http://127.0.0.1:" + port;
            this.http = HttpClient.newBuilder()
                    .cookieHandler(cookies)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
        }

        HttpResponse<String> get(String pathOrUrl) throws IOException, InterruptedException {
            URI uri = pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : URI.create(base + pathOrUrl);
            return http.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(30))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /**
         * Clicks "Sign in with Test IdP" on the login page: the provider will sign on this subject
         * with these claims.
         */
        Flow signOn(String subject, Map<String, Object> claims) throws IOException, InterruptedException {
            get("/login");
            String before = sessionId().orElseThrow();
            HttpResponse<String> start = get("/oauth2/authorization/test-idp");
            assertThat(start.statusCode())
                    .as("NEXO sends the browser to the provider")
                    .isEqualTo(302);
            String authorize = location(start);
            assertThat(authorize)
                    .startsWith(TestOidcProvider.server()
                            .authorizationEndpointUrl(TestOidcProvider.ISSUER_ID)
                            .toString());
            TestOidcProvider.server()
                    .enqueueCallback(new DefaultOAuth2TokenCallback(
                            TestOidcProvider.ISSUER_ID,
                            subject,
                            "JWT",
                            List.of(TestOidcProvider.CLIENT_ID),
                            claims,
                            3600));
            HttpResponse<String> provider = get(authorize);
            assertThat(provider.statusCode())
                    .as("the provider sends the browser back")
                    .isEqualTo(302);
            String callback = location(provider);
            assertThat(callback).startsWith(base + "/login/oauth2/code/test-idp?");
            HttpResponse<String> done = get(callback);
            return new Flow(
                    before,
                    sessionId().orElse(null),
                    done.statusCode(),
                    done.headers().firstValue("Location").orElse(null));
        }

        HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
            return http.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        Optional<String> sessionId() {
            return cookies.getCookieStore().get(URI.create(base + "/")).stream()
                    .filter(cookie -> cookie.getName().equals("JSESSIONID"))
                    .map(HttpCookie::getValue)
                    .findFirst();
        }

        private static String location(HttpResponse<?> response) {
            return response.headers().firstValue("Location").orElseThrow();
        }
    }

    /** The CSRF field a page carries in its meta tags, as a form field. */
    private static String csrfField(String page) {
        java.util.regex.Matcher name = java.util.regex.Pattern.compile(
                        "<meta name=\"_csrf_parameter\" content=\"([^\"]+)\">")
                .matcher(page);
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\">")
                .matcher(page);
        assertThat(name.find() && token.find()).as("the page's CSRF meta tags").isTrue();
        return java.net.URLEncoder.encode(name.group(1), java.nio.charset.StandardCharsets.UTF_8) + "="
                + java.net.URLEncoder.encode(token.group(1), java.nio.charset.StandardCharsets.UTF_8);
    }

    private UUID newTenant() {
        String code = "sso-" + UUID.randomUUID().toString().substring(0, 8);
        return TenantContext.callAsOperator(null, () -> tenants.createTenant(code, "Sign-on " + code, "es"))
                .id();
    }

    private String newUser(UUID tenantId, String role) {
        String tag = UUID.randomUUID().toString().substring(0, 12);
        String email = "sso-" + tag + "@sign-on.test";
        TenantContext.callAsSystem(
                tenantId,
                null,
                () -> users.createUser(
                        new NewUser(email, "Sign-on " + tag, ActorType.EMPLOYEE, null, Set.of(role), PASSWORD, null)));
        return email;
    }

    private <T> T asUser(String email, Supplier<T> work) {
        return LoggedIn.asUser(userDetailsService, email, work);
    }

    private UUID userId(String email) {
        return ((NexoUser) userDetailsService.loadUserByUsername(email)).userId();
    }

    private void setEnabled(String email, boolean enabled) {
        UUID id = userId(email);
        asUser(DEMO_ADMIN, () -> {
            UserForm user = administration.getForm(id);
            administration.update(UserEdits.edited(user, user.getDisplayName(), enabled, user.getRoleIds()));
            return null;
        });
    }

    private <T> T asSystem(UUID tenantId, Supplier<T> work) {
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        return TenantContext.callAsSystem(tenantId, null, () -> transaction.execute(status -> work.get()));
    }

    /** The login events of this e-mail, oldest first, as "TYPE address details". */
    private List<String> loginEvents(String email) {
        return asSystem(
                DEMO_TENANT,
                () -> jdbc.query(
                        "SELECT event_type, address, details FROM security_event WHERE email = lower(?)"
                                + " ORDER BY occurred_at, id",
                        (row, i) -> row.getString(1) + " " + row.getString(2) + " " + row.getString(3),
                        email));
    }

    private List<String> securityEvents(UUID tenantId, UUID userId) {
        return asSystem(
                tenantId,
                () -> jdbc.queryForList(
                        "SELECT event_type FROM security_event WHERE user_id = ? ORDER BY occurred_at, id",
                        String.class,
                        userId));
    }

    private Object lastLogin(String email) {
        return asSystem(
                DEMO_TENANT,
                () -> jdbc.queryForObject(
                        "SELECT last_login_at FROM app_user WHERE lower(email) = lower(?)", Object.class, email));
    }

    private String passwordHash(UUID tenantId, String email) {
        return asSystem(
                tenantId,
                () -> jdbc.queryForObject(
                        "SELECT password_hash FROM app_user WHERE lower(email) = lower(?)", String.class, email));
    }

    private boolean userExists(UUID tenantId, String email) {
        return asSystem(
                        tenantId,
                        () -> jdbc.queryForObject(
                                "SELECT count(*) FROM app_user WHERE lower(email) = lower(?)", Integer.class, email))
                > 0;
    }

    /** The server side of a browser session, or null when there is none (any more). */
    private Session session(String sessionId) {
        Context context = (Context)
                ((TomcatWebServer) server.getWebServer()).getTomcat().getHost().findChildren()[0];
        try {
            return context.getManager().findSession(sessionId);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object sessionAttribute(SignOnBrowser browser, String name) {
        Session session = session(browser.sessionId().orElseThrow());
        assertThat(session).as("the browser's session").isNotNull();
        return session.getSession().getAttribute(name);
    }

    private Object lastLoginFailure(SignOnBrowser browser) {
        return sessionAttribute(browser, WebAttributes.AUTHENTICATION_EXCEPTION);
    }

    private NexoUser loggedInUser(SignOnBrowser browser) {
        SecurityContext context = (SecurityContext)
                sessionAttribute(browser, HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        assertThat(context).as("a security context in the session").isNotNull();
        assertThat(context.getAuthentication().getClass().getSimpleName())
                .as("the same authentication as a password login")
                .isEqualTo("UsernamePasswordAuthenticationToken");
        return (NexoUser) context.getAuthentication().getPrincipal();
    }
}
