package com.nexo.sales.portal;

import com.nexo.sales.SalesPermissions;
import com.nexo.sales.SalesRuleException;
import com.nexo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenant's sales settings for clients' answers to quotes (table {@code sales_settings}, one row
 * per tenant, made on the first save). Saving checks the version read: a concurrent change is refused
 * and explained.
 */
@Service
public class SalesSettingsService {

    /** The longest list of notification addresses kept. */
    public static final int MAX_EMAIL = 320;

    private static final String READ = "SELECT accepted_quote_to_order, notify_email, version FROM sales_settings";

    private static final String INSERT = """
            INSERT INTO sales_settings (accepted_quote_to_order, notify_email) VALUES (:toOrder, :email)
            ON CONFLICT (tenant_id) DO NOTHING
            """;

    private static final String UPDATE = """
            UPDATE sales_settings SET accepted_quote_to_order = :toOrder, notify_email = :email, version = version + 1
             WHERE version = :version
            """;

    private final JdbcClient jdbc;

    SalesSettingsService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The tenant's settings, or the defaults when it never saved any. */
    @Transactional(readOnly = true)
    @RolesAllowed({SalesPermissions.SETTINGS, Roles.SYSTEM})
    public SalesSettings settings() {
        return jdbc.sql(READ)
                .query((rs, n) -> new SalesSettings(rs.getBoolean(1), rs.getString(2), rs.getLong(3)))
                .optional()
                .orElse(SalesSettings.DEFAULTS);
    }

    /**
     * Saves {@code settings} over the version they were read at; refused with {@code
     * sales.settings.conflict} when someone saved in between, and with {@code sales.settings.bad-email}
     * when one of its addresses is not an address. The addresses are kept as one list, separated by
     * commas.
     */
    @Transactional
    @RolesAllowed(SalesPermissions.SETTINGS)
    public SalesSettings save(SalesSettings settings) {
        List<String> addresses = SalesSettings.addresses(settings.notifyEmail());
        String email = addresses.isEmpty() ? null : String.join(", ", addresses);
        if (email != null
                && (email.length() > MAX_EMAIL
                        || !addresses.stream().allMatch(address -> address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")))) {
            throw SalesRuleException.onField("notifyEmail", "portal.client.settings.bad-email");
        }
        int written = settings.version() < 0
                ? jdbc.sql(INSERT)
                        .param("toOrder", settings.acceptedQuoteToOrder())
                        .param("email", email)
                        .update()
                : jdbc.sql(UPDATE)
                        .param("toOrder", settings.acceptedQuoteToOrder())
                        .param("email", email)
                        .param("version", settings.version())
                        .update();
        if (written != 1) {
            throw new SalesRuleException("portal.client.settings.conflict");
        }
        return settings();
    }
}
