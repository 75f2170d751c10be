package com.nexo.security.login;

import com.nexo.security.PublicAddresses;
import com.nexo.security.UserService;
import com.nexo.security.events.SecurityEventLog;
import com.nexo.security.operators.OperatorProperties;
import com.nexo.security.sessions.SessionRecordFilter;
import com.nexo.security.sessions.SessionTracker;
import com.nexo.security.sso.SingleSignOnLogin;
import com.nexo.security.sso.SingleSignOnProviders;
import com.nexo.security.ui.LoginView;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.DispatcherType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.servlet.CookieSameSiteSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.HandlerMapping;

@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
@EnableConfigurationProperties({LoginProperties.class, OperatorProperties.class})
class SecurityConfiguration {

    /**
     * bcrypt today, at the configured cost; the prefix in each stored hash lets the encoder change
     * later without a reset, and hashes of any other known kind still match.
     */
    @Bean
    PasswordEncoder passwordEncoder(LoginProperties login) {
        DelegatingPasswordEncoder known =
                (DelegatingPasswordEncoder) PasswordEncoderFactories.createDelegatingPasswordEncoder();
        DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder(
                "bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(login.passwordHashStrength())));
        encoder.setDefaultPasswordEncoderForMatches(known);
        return encoder;
    }

    /**
     * SameSite=Lax on every cookie the server sets (the session, NEXO's session record, the
     * proxy-independent ones): a cross-site POST or frame never carries them, while links from e-mails
     * still open a logged-in page.
     */
    @Bean
    CookieSameSiteSupplier cookiesSameSiteLax() {
        return CookieSameSiteSupplier.ofLax();
    }

    /**
     * Actuator: health is public (Compose and load balancers probe it, details hidden); every other
     * endpoint, Prometheus included, needs the metrics account configured by
     * {@code nexo.metrics.password}. Without it they are closed to everyone.
     */
    @Bean
    @Order(1)
    SecurityFilterChain actuatorSecurity(
            HttpSecurity http, PasswordEncoder encoder, @Value("${nexo.metrics.password:}") String metricsPassword)
            throws Exception {
        List<UserDetails> accounts = new ArrayList<>();
        if (!metricsPassword.isBlank()) {
            accounts.add(User.withUsername("metrics")
                    .password(encoder.encode(metricsPassword))
                    .roles("METRICS")
                    .build());
        }
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(new InMemoryUserDetailsManager(accounts));
        provider.setPasswordEncoder(encoder);
        return http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(auth -> auth.requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .anyRequest()
                        .hasRole("METRICS"))
                .authenticationManager(new ProviderManager(provider))
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(SecurityHeaders.all())
                .build();
    }

    /**
     * The addresses modules open to anyone ({@link PublicAddresses#open()}): no login, no session, no
     * filter that reads or writes a user's session; the same response headers as every page.
     */
    @Bean
    @Order(2)
    SecurityFilterChain publicSecurity(HttpSecurity http, List<PublicAddresses> addresses) throws Exception {
        List<RequestMatcher> open = addresses.stream()
                .flatMap(contributed -> contributed.open().stream())
                .map(pattern -> (RequestMatcher)
                        PathPatternRequestMatcher.withDefaults().matcher(pattern))
                .toList();
        RequestMatcher matcher = open.isEmpty() ? request -> false : new OrRequestMatcher(open);
        return http.securityMatcher(matcher)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .headers(SecurityHeaders.all())
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain applicationSecurity(
            HttpSecurity http,
            NexoUserDetailsService userDetails,
            PasswordEncoder encoder,
            LoginThrottle throttle,
            SecurityEventLog events,
            CurrentAccess currentAccess,
            SingleSignOnProviders singleSignOn,
            UserService userService,
            JdbcClient jdbc,
            SessionTracker sessions,
            List<PublicAddresses> addresses,
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<HandlerMapping> controllers)
            throws Exception {
        // Password login: throttled, audited, upgrading old hashes on the way. With single sign-on
        // providers configured, sign-on is the other way in, ending in the same principal. This is the
        // chain's only authentication manager, so nothing else can log a user in.
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(userDetails);
        passwords.setPasswordEncoder(encoder);
        passwords.setUserDetailsPasswordService(userDetails);
        List<AuthenticationProvider> providers = new ArrayList<>();
        providers.add(new HardenedAuthenticationProvider(passwords, throttle, events));
        if (singleSignOn.any()) {
            AuthenticationProvider oidc = new OidcAuthorizationCodeAuthenticationProvider(
                    new RestClientAuthorizationCodeTokenResponseClient(), new OidcUserService());
            providers.add(new SingleSignOnLogin(oidc, userDetails, userService, jdbc, throttle, events));
            // The login page lists the providers; a failed sign-on comes back to it with the reason in
            // the session, as a failed password login does.
            http.oauth2Login(oauth2 -> oauth2.loginPage("/login")
                    .failureUrl("/login?error")
                    .successHandler(new SingleSignOnLogin.SuccessHandler())
                    .authorizedClientRepository(new SingleSignOnLogin.NoTokensKept()));
        }
        http.authenticationManager(new ProviderManager(providers));
        http.headers(SecurityHeaders.all());
        // The login post must carry the page's CSRF token, although Vaadin exempts the login path.
        http.addFilterAfter(new LoginCsrfFilter("/login"), CsrfFilter.class);
        // Session records (see SessionTracker): a login gets one, an ended one logs its sessions out
        // on every node, and another node takes over a live one whose node went away.
        http.addFilterAfter(
                new SessionRecordFilter(sessions, CurrentAccessFilter.STATIC_RESOURCES),
                SecurityContextHolderFilter.class);
        http.sessionManagement(
                session -> session.sessionAuthenticationStrategy(new CompositeSessionAuthenticationStrategy(
                        List.of(new ChangeSessionIdAuthenticationStrategy(), sessions::loggedIn))));
        http.logout(logout ->
                logout.addLogoutHandler((request, response, authentication) -> sessions.loggedOut(request, response)));
        // Access changes (roles, disabling, suspension) take effect on the user's next request.
        http.addFilterAfter(new CurrentAccessFilter(currentAccess), SecurityContextHolderFilter.class);
        // ERROR dispatches render the status of a response already decided (a 401 from the actuator
        // chain, a 404): without this they would be sent to the login page as a 302 instead.
        // Controller addresses modules open to every logged-in user (PublicAddresses.loggedIn).
        String[] loggedIn = addresses.stream()
                .flatMap(contributed -> contributed.loggedIn().stream())
                .toArray(String[]::new);
        http.authorizeHttpRequests(auth -> {
            auth.dispatcherTypeMatchers(DispatcherType.ERROR)
                    .permitAll()
                    .requestMatchers("/styles/**", "/images/**")
                    .permitAll();
            if (loggedIn.length > 0) {
                auth.requestMatchers(loggedIn).authenticated();
            }
        });
        http.with(
                VaadinSecurityConfigurer.vaadin(),
                vaadin -> vaadin.loginView(LoginView.class)
                        .anyRequest(other -> other.access(new UnknownPageAddresses(controllers::getObject))));
        return http.build();
    }
}
