package com.nexo.security.sso;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.stereotype.Component;

/**
 * The OpenID Connect providers this installation offers for login, from the standard
 * {@code spring.security.oauth2.client.registration.*} properties. None configured: no repository
 * exists, the list is empty and the login page shows no single sign-on button.
 */
@Component
public class SingleSignOnProviders {

    private final List<Provider> providers;

    @Autowired
    SingleSignOnProviders(ObjectProvider<ClientRegistrationRepository> repository) {
        this(repository.getIfAvailable());
    }

    SingleSignOnProviders(ClientRegistrationRepository repository) {
        List<Provider> found = new ArrayList<>();
        if (repository instanceof Iterable<?> registrations) {
            for (Object each : registrations) {
                if (each instanceof ClientRegistration registration && isOpenIdConnect(registration)) {
                    found.add(new Provider(registration.getRegistrationId(), registration.getClientName()));
                }
            }
        }
        found.sort(Comparator.comparing(Provider::name).thenComparing(Provider::registrationId));
        this.providers = List.copyOf(found);
    }

    /** Only the browser sign-on of OpenID Connect logs a person in (plain OAuth 2 has no verified e-mail). */
    static boolean isOpenIdConnect(ClientRegistration registration) {
        return AuthorizationGrantType.AUTHORIZATION_CODE.equals(registration.getAuthorizationGrantType())
                && registration.getScopes().contains(OidcScopes.OPENID);
    }

    /** The providers to offer, by name. */
    public List<Provider> all() {
        return providers;
    }

    public boolean any() {
        return !providers.isEmpty();
    }

    /** One provider: its registration id (in the sign-on URL) and the name people know it by. */
    public record Provider(String registrationId, String name) {

        /** Where the browser starts the sign-on: a full page load, handled by Spring Security. */
        public String startPath() {
            return "oauth2/authorization/" + registrationId;
        }
    }
}
