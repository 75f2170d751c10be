package com.nexo.security.sso;

import com.nexo.security.AccessPermissions;
import com.nexo.security.AccessRuleException;
import com.nexo.security.CurrentUser;
import com.nexo.security.events.SecurityEventLog;
import com.nexo.security.events.SecurityEventType;
import com.nexo.tenancy.CurrentTenant;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenant's single sign-on settings: whether a first sign-on with an unknown, verified e-mail of
 * the tenant's own domain creates a user (an employee without password, with the read-only role).
 * Off unless the administrator turns it on. Changing it needs the right to create and to edit users,
 * since that is what it does.
 */
@Service
public class SingleSignOnSettings {

    /** A lower-case domain name of at least two labels, as the database checks it too. */
    private static final Pattern DOMAIN =
            Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");

    public static final int MAX_DOMAIN_LENGTH = 253;

    private final CurrentTenant tenant;
    private final SingleSignOnProviders providers;
    private final SecurityEventLog events;

    SingleSignOnSettings(CurrentTenant tenant, SingleSignOnProviders providers, SecurityEventLog events) {
        this.tenant = tenant;
        this.providers = providers;
        this.events = events;
    }

    /** The current tenant's settings, and whether the installation offers any provider at all. */
    @Transactional(readOnly = true)
    @RolesAllowed(AccessPermissions.USERS_READ)
    public Settings current() {
        return tenant.signOnSettings()
                .map(settings -> new Settings(settings.autoCreate(), settings.allowedDomain(), providers.any()))
                .orElseThrow(() -> new AccessRuleException("sso.error.no-tenant"));
    }

    /**
     * Saves the settings. A domain may be kept with creation off; creation on needs one, and a
     * domain belongs to one tenant only.
     */
    @Transactional
    @RolesAllowed(AccessPermissions.USERS_CREATE)
    public Settings change(SignOnForm form) {
        boolean autoCreate = form.isAutoCreate();
        // Needs both: creation on lets users in (create), and the settings are user administration
        // (edit). An annotation can only say "any of", so the second one is checked here.
        if (!CurrentUser.can(AccessPermissions.USERS_EDIT)) {
            throw new AccessDeniedException("Changing single sign-on needs " + AccessPermissions.USERS_EDIT);
        }
        String domain = normalise(form.getAllowedDomain());
        if (domain != null
                && (domain.length() > MAX_DOMAIN_LENGTH
                        || !DOMAIN.matcher(domain).matches())) {
            throw new AccessRuleException("sso.error.domain-format");
        }
        if (autoCreate && domain == null) {
            throw new AccessRuleException("sso.error.domain-required");
        }
        Settings before = current();
        switch (tenant.changeSignOnSettings(autoCreate, domain)) {
            case DOMAIN_TAKEN -> throw new AccessRuleException("sso.error.domain-taken");
            case NO_TENANT -> throw new AccessRuleException("sso.error.no-tenant");
            case CHANGED -> {
                // recorded below, if it changed anything
            }
        }
        Settings after = new Settings(autoCreate, domain, before.providersConfigured());
        if (!after.equals(before)) {
            events.record(
                    SecurityEventType.SSO_SETTINGS_CHANGED,
                    null,
                    "auto-create=" + autoCreate + " domain=" + (domain == null ? "" : domain));
        }
        return after;
    }

    /** What the administrator typed, trimmed and in lower case; blank means none. */
    static String normalise(String domain) {
        if (domain == null || domain.isBlank()) {
            return null;
        }
        String stripped = domain.strip().toLowerCase(Locale.ROOT);
        return stripped.startsWith("@") ? stripped.substring(1) : stripped;
    }

    /**
     * The settings as the administration screen shows them; {@code providersConfigured} says whether
     * the installation offers single sign-on at all (without it, the settings have no effect).
     */
    public record Settings(boolean autoCreate, String allowedDomain, boolean providersConfigured) {}
}
