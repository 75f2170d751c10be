package com.nexo.crm.webforms;

import jakarta.annotation.security.PermitAll;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenant and form an anonymous post's token names, found through the narrow {@code
 * nexo_crm_web_form_tenant} function before any context exists: only an enabled form of an active
 * tenant, and only the two ids.
 */
@Component
class WebFormTenants {

    /** The token's format (the {@code crm_web_form.token} check). */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{20,64}");

    record FormTenant(UUID tenantId, UUID formId) {}

    private final JdbcClient jdbc;

    WebFormTenants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @PermitAll
    @Transactional(readOnly = true)
    public Optional<FormTenant> find(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT tenant_id, form_id FROM nexo_crm_web_form_tenant(:token)")
                .param("token", token)
                .query((rs, i) ->
                        new FormTenant(rs.getObject("tenant_id", UUID.class), rs.getObject("form_id", UUID.class)))
                .optional();
    }
}
