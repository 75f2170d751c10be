package com.nexo.crm.webforms;

import com.nexo.crm.CrmPermissions;
import com.nexo.crm.leads.LeadForm;
import com.nexo.crm.leads.LeadRuleException;
import com.nexo.crm.leads.LeadService;
import com.nexo.crm.leads.LeadSource;
import com.nexo.security.Roles;
import com.nexo.security.UserDirectory;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenant's web-to-lead forms: their settings ({@link CrmPermissions#SETTINGS}) and the capture of
 * a lead posted to one of them (system work for the form's tenant, see {@link WebToLeadController}).
 */
@Service
public class WebFormService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final String COLUMNS =
            "id, token, name, source_detail, owner_id, team_id, thank_you_url, enabled, version";

    private static final RowMapper<WebForm> FORM = (rs, i) -> new WebForm(
            rs.getObject("id", UUID.class),
            rs.getString("token"),
            rs.getString("name"),
            rs.getString("source_detail"),
            rs.getObject("owner_id", UUID.class),
            rs.getObject("team_id", UUID.class),
            rs.getString("thank_you_url"),
            rs.getBoolean("enabled"),
            rs.getLong("version"));

    private final JdbcClient jdbc;
    private final LeadService leads;
    private final UserDirectory users;
    private final Validator validator;

    WebFormService(JdbcClient jdbc, LeadService leads, UserDirectory users, Validator validator) {
        this.jdbc = jdbc;
        this.leads = leads;
        this.users = users;
        this.validator = validator;
    }

    @Transactional(readOnly = true)
    @RolesAllowed(CrmPermissions.SETTINGS)
    public List<WebForm> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM crm_web_form ORDER BY name, id")
                .query(FORM)
                .list();
    }

    @Transactional(readOnly = true)
    @RolesAllowed({CrmPermissions.SETTINGS, Roles.SYSTEM})
    public Optional<WebForm> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM crm_web_form WHERE id = :id")
                .param("id", id)
                .query(FORM)
                .optional();
    }

    /** Employees who may be a form's default owner. */
    @Transactional(readOnly = true)
    @RolesAllowed(CrmPermissions.SETTINGS)
    public List<UserDirectory.UserName> owners() {
        return users.activeEmployees();
    }

    /** Creates a form with a new random token; returns its id. */
    @Transactional
    @RolesAllowed(CrmPermissions.SETTINGS)
    public UUID create(WebFormForm form) {
        validate(form);
        UUID id = com.nexo.base.Ids.newId();
        try {
            jdbc.sql("""
                            INSERT INTO crm_web_form (id, token, name, source_detail, owner_id, team_id, thank_you_url, enabled)
                            VALUES (:id, :token, :name, :detail, :owner, :team, :url, :enabled)
                            """)
                    .param("id", id)
                    .param("token", newToken())
                    .param("name", form.getName().strip())
                    .param("detail", blankToNull(form.getSourceDetail()))
                    .param("owner", form.getOwnerId())
                    .param("team", form.getTeamId())
                    .param("url", blankToNull(form.getThankYouUrl()))
                    .param("enabled", form.isEnabled())
                    .update();
        } catch (DuplicateKeyException e) {
            throw LeadRuleException.onField("name", "crm.webforms.error.name-taken");
        }
        return id;
    }

    /** Saves a form's settings over the version they were loaded at; returns the new version. */
    @Transactional
    @RolesAllowed(CrmPermissions.SETTINGS)
    public long update(WebFormForm form) {
        validate(form);
        try {
            return jdbc.sql("""
                            UPDATE crm_web_form SET name = :name, source_detail = :detail, owner_id = :owner, team_id = :team,
                                   thank_you_url = :url, enabled = :enabled, updated_at = now(), version = version + 1
                             WHERE id = :id AND version = :version
                            RETURNING version
                            """)
                    .param("id", form.getId())
                    .param("version", form.getVersion() == null ? -1 : form.getVersion())
                    .param("name", form.getName().strip())
                    .param("detail", blankToNull(form.getSourceDetail()))
                    .param("owner", form.getOwnerId())
                    .param("team", form.getTeamId())
                    .param("url", blankToNull(form.getThankYouUrl()))
                    .param("enabled", form.isEnabled())
                    .query(Long.class)
                    .optional()
                    .orElseThrow(() -> new LeadRuleException("crm.leads.error.conflict"));
        } catch (DuplicateKeyException e) {
            throw LeadRuleException.onField("name", "crm.webforms.error.name-taken");
        }
    }

    @Transactional
    @RolesAllowed(CrmPermissions.SETTINGS)
    public void delete(UUID id) {
        jdbc.sql("DELETE FROM crm_web_form WHERE id = :id").param("id", id).update();
    }

    /**
     * Creates the lead a visitor posted to the form {@code formId}, as the tenant's system work: source
     * WEB, the form's source detail (else its name), its default owner and team; without an owner the
     * assignment rules give one. Empty when the form is gone or disabled meanwhile.
     */
    @Transactional
    @RolesAllowed(Roles.SYSTEM)
    public Optional<UUID> capture(UUID formId, LeadForm posted) {
        Optional<WebForm> form = find(formId).filter(WebForm::enabled);
        if (form.isEmpty()) {
            return Optional.empty();
        }
        posted.setSource(LeadSource.WEB);
        posted.setSourceDetail(
                form.get().sourceDetail() != null
                        ? form.get().sourceDetail()
                        : form.get().name());
        posted.setOwnerId(form.get().ownerId());
        posted.setTeamId(form.get().teamId());
        return Optional.of(leads.create(posted));
    }

    private void validate(WebFormForm form) {
        validator.validate(form).stream()
                .min(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .ifPresent(violation -> {
                    throw LeadRuleException.onField(violation.getPropertyPath().toString(), key(violation));
                });
    }

    private static String key(ConstraintViolation<?> violation) {
        String template = violation.getMessageTemplate();
        String invalidKey = "crm.leads.validation.invalid";
        return template.startsWith("{crm.") && template.endsWith("}")
                ? template.substring(1, template.length() - 1)
                : invalidKey;
    }

    /** 32 random URL-safe characters (192 bits). */
    static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
