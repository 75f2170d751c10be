package com.nexo.tenancy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current tenant's company profile ({@link CompanyProfile}): what its quotes, orders, delivery
 * notes and invoices print as issuer. Sales and purchasing read it with {@link #current()}; the
 * settings screen edits it with {@link #getForm()} and {@link #save(CompanyProfileForm)}.
 */
@Service
public class CompanyProfiles {

    /**
     * Who may change the company profile. For now the sales settings permission ("sales.settings"):
     * no administration permission of the security module fits, and this module cannot name another
     * module's constants; a permission of its own (say "company.edit") belongs in the security
     * module's catalogue, after which only this value changes.
     */
    public static final String EDIT = "sales.settings";

    private static final Set<String> LOGO_TYPES = Set.of("image/png", "image/jpeg");

    private final JdbcClient jdbc;
    private final Validator validator;

    CompanyProfiles(JdbcClient jdbc, Validator validator) {
        this.jdbc = jdbc;
        this.validator = validator;
    }

    private static final String SELECT_PROFILE = """
            SELECT legal_name, trade_name, tax_id, street, postal_code, city, region, country, email, phone,
                   website, iban, logo, logo_content_type, footer, version
              FROM tenant_company
             WHERE tenant_id = nexo_tenant_id()
            """;

    private static final String SELECT_TENANT_NAME = "SELECT name FROM tenant WHERE id = nexo_tenant_id()";

    /** A profile and the version it was read at. */
    private record Stored(CompanyProfile profile, long version) {}

    private static final RowMapper<Stored> STORED = (ResultSet row, int i) -> new Stored(
            new CompanyProfile(
                    true,
                    row.getString("legal_name"),
                    row.getString("trade_name"),
                    row.getString("tax_id"),
                    row.getString("street"),
                    row.getString("postal_code"),
                    row.getString("city"),
                    row.getString("region"),
                    row.getString("country"),
                    row.getString("email"),
                    row.getString("phone"),
                    row.getString("website"),
                    row.getString("iban"),
                    row.getBytes("logo"),
                    row.getString("logo_content_type"),
                    row.getString("footer")),
            row.getLong("version"));

    /**
     * The current tenant's profile; without one saved, a profile with the tenant's name only ({@link
     * CompanyProfile#configured()} false). Staff and background work (sending documents) read it.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({TenancyRoles.EMPLOYEE, TenancyRoles.SYSTEM})
    public CompanyProfile current() {
        return stored().map(Stored::profile).orElseGet(() -> CompanyProfile.fallback(tenantName()));
    }

    /**
     * The settings form, at the stored version (a new tenant's form starts with its name). System work
     * too: demo data.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({EDIT, TenancyRoles.SYSTEM})
    public CompanyProfileForm getForm() {
        return stored().map(stored -> CompanyProfileForm.of(stored.profile(), stored.version()))
                .orElseGet(() -> CompanyProfileForm.of(CompanyProfile.fallback(tenantName()), null));
    }

    private static final String INSERT = """
            INSERT INTO tenant_company (legal_name, trade_name, tax_id, street, postal_code, city, region,
                                        country, email, phone, website, iban, logo, logo_content_type, footer)
            VALUES (:legalName, :tradeName, :taxId, :street, :postalCode, :city, :region, :country, :email,
                    :phone, :website, :iban, :logo, :logoContentType, :footer)
            ON CONFLICT (tenant_id) DO NOTHING
            """;

    private static final String UPDATE = """
            UPDATE tenant_company
               SET legal_name = :legalName, trade_name = :tradeName, tax_id = :taxId, street = :street,
                   postal_code = :postalCode, city = :city, region = :region, country = :country,
                   email = :email, phone = :phone, website = :website, iban = :iban, logo = :logo,
                   logo_content_type = :logoContentType, footer = :footer,
                   version = version + 1, updated_at = now()
             WHERE tenant_id = nexo_tenant_id() AND version = :version
            """;

    /**
     * Saves the profile over the version the form was loaded at and returns the form as stored. Texts
     * are trimmed (blank is none), the tax id and IBAN compacted to upper case. A rule broken gives
     * {@link TenantRuleException} with the message key; a save by someone else since the form was
     * loaded gives {@link OptimisticLockingFailureException}, and nothing is written.
     */
    @Transactional
    @RolesAllowed({EDIT, TenancyRoles.SYSTEM})
    public CompanyProfileForm save(CompanyProfileForm form) {
        check(form);
        JdbcClient.StatementSpec statement = jdbc.sql(form.getVersion() == null ? INSERT : UPDATE)
                .param("legalName", form.getLegalName().strip())
                .param("tradeName", text(form.getTradeName()), Types.VARCHAR)
                .param("taxId", CompanyProfileForm.normalizeTaxId(form.getTaxId()), Types.VARCHAR)
                .param("street", text(form.getStreet()), Types.VARCHAR)
                .param("postalCode", text(form.getPostalCode()), Types.VARCHAR)
                .param("city", text(form.getCity()), Types.VARCHAR)
                .param("region", text(form.getRegion()), Types.VARCHAR)
                .param("country", form.getCountry().strip().toUpperCase(Locale.ROOT))
                .param("email", text(form.getEmail()), Types.VARCHAR)
                .param("phone", text(form.getPhone()), Types.VARCHAR)
                .param("website", text(form.getWebsite()), Types.VARCHAR)
                .param("iban", CompanyProfileForm.normalizeIban(form.getIban()), Types.VARCHAR)
                .param("logo", form.getLogo(), Types.BINARY)
                .param("logoContentType", form.getLogo() == null ? null : form.getLogoContentType(), Types.VARCHAR)
                .param("footer", text(form.getFooter()), Types.VARCHAR);
        if (form.getVersion() != null) {
            statement = statement.param("version", form.getVersion());
        }
        if (statement.update() != 1) {
            throw new OptimisticLockingFailureException("The company profile changed since it was loaded");
        }
        return getForm();
    }

    private void check(CompanyProfileForm form) {
        Set<ConstraintViolation<CompanyProfileForm>> violations = validator.validate(form);
        if (!violations.isEmpty()) {
            // The binder shows each message at its field; here the first, by field, is enough.
            ConstraintViolation<CompanyProfileForm> first = violations.stream()
                    .min(Comparator.comparing(
                            violation -> violation.getPropertyPath().toString()))
                    .orElseThrow();
            String template = first.getMessageTemplate();
            throw new TenantRuleException(template.substring(1, template.length() - 1));
        }
        byte[] logo = form.getLogo();
        if (logo != null) {
            if (!LOGO_TYPES.contains(form.getLogoContentType()) || !looksLike(logo, form.getLogoContentType())) {
                throw new TenantRuleException("company.error.logo-type");
            }
            if (logo.length > CompanyProfileForm.MAX_LOGO_BYTES) {
                throw new TenantRuleException("company.error.logo-size");
            }
        }
    }

    /** Whether the bytes start as the type says (a PNG's signature, a JPEG's start of image). */
    private static boolean looksLike(byte[] image, String contentType) {
        if ("image/png".equals(contentType)) {
            return image.length > 8
                    && (image[0] & 0xFF) == 0x89
                    && image[1] == 'P'
                    && image[2] == 'N'
                    && image[3] == 'G';
        }
        return image.length > 3 && (image[0] & 0xFF) == 0xFF && (image[1] & 0xFF) == 0xD8 && (image[2] & 0xFF) == 0xFF;
    }

    private java.util.Optional<Stored> stored() {
        return jdbc.sql(SELECT_PROFILE).query(STORED).optional();
    }

    private String tenantName() {
        return jdbc.sql(SELECT_TENANT_NAME).query(String.class).optional().orElse("");
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
