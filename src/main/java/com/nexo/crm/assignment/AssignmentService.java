package com.nexo.crm.assignment;

import com.nexo.crm.CrmPermissions;
import com.nexo.crm.leads.LeadRuleException;
import com.nexo.security.UserDirectory;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The tenant's assignment rules of new leads, as the CRM settings change them ({@link CrmPermissions#SETTINGS}). */
@Service
public class AssignmentService {

    /** A team a rule may give leads to in turn. */
    public record TeamOption(UUID id, String name) {}

    private final JdbcClient jdbc;
    private final AssignmentStore store;
    private final UserDirectory users;
    private final Validator validator;

    AssignmentService(JdbcClient jdbc, AssignmentStore store, UserDirectory users, Validator validator) {
        this.jdbc = jdbc;
        this.store = store;
        this.users = users;
        this.validator = validator;
    }

    /** Every rule, in the order they are tried. */
    @Transactional(readOnly = true)
    @RolesAllowed(CrmPermissions.SETTINGS)
    public List<AssignmentRule> rules() {
        return store.all();
    }

    @Transactional(readOnly = true)
    @RolesAllowed(CrmPermissions.SETTINGS)
    public List<UserDirectory.UserName> users() {
        return users.activeEmployees();
    }

    @Transactional(readOnly = true)
    @RolesAllowed(CrmPermissions.SETTINGS)
    public List<TeamOption> teams() {
        return jdbc.sql("SELECT id, name FROM crm_team WHERE NOT archived ORDER BY name, id")
                .query((rs, i) -> new TeamOption(rs.getObject("id", UUID.class), rs.getString("name")))
                .list();
    }

    /** Adds a rule; returns its id. */
    @Transactional
    @RolesAllowed(CrmPermissions.SETTINGS)
    public UUID create(AssignmentRuleForm form) {
        validate(form);
        UUID id = com.nexo.base.Ids.newId();
        jdbc.sql("""
                        INSERT INTO crm_assignment_rule (id, name, position, condition, match_value, user_id, team_id, enabled)
                        VALUES (:id, :name, :position, :condition, :value, :user, :team, :enabled)
                        """)
                .param("id", id)
                .param("name", form.getName().strip())
                .param("position", form.getPosition())
                .param("condition", form.getCondition().name())
                .param("value", value(form))
                .param("user", form.getUserId())
                .param("team", form.getTeamId())
                .param("enabled", form.isEnabled())
                .update();
        return id;
    }

    /** Saves a rule over the version it was loaded at; returns the new version. */
    @Transactional
    @RolesAllowed(CrmPermissions.SETTINGS)
    public long update(AssignmentRuleForm form) {
        validate(form);
        return jdbc.sql("""
                        UPDATE crm_assignment_rule SET name = :name, position = :position, condition = :condition,
                               match_value = :value, user_id = :user, team_id = :team, enabled = :enabled,
                               last_user_id = CASE WHEN team_id IS DISTINCT FROM :team THEN NULL ELSE last_user_id END,
                               updated_at = now(), version = version + 1
                         WHERE id = :id AND version = :version
                        RETURNING version
                        """)
                .param("id", form.getId())
                .param("version", form.getVersion() == null ? -1 : form.getVersion())
                .param("name", form.getName().strip())
                .param("position", form.getPosition())
                .param("condition", form.getCondition().name())
                .param("value", value(form))
                .param("user", form.getUserId())
                .param("team", form.getTeamId())
                .param("enabled", form.isEnabled())
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new LeadRuleException("crm.assignment.error.conflict"));
    }

    @Transactional
    @RolesAllowed(CrmPermissions.SETTINGS)
    public void delete(UUID id) {
        jdbc.sql("DELETE FROM crm_assignment_rule WHERE id = :id")
                .param("id", id)
                .update();
    }

    private static String value(AssignmentRuleForm form) {
        return form.getCondition() == AssignmentCondition.ANY || form.getMatchValue() == null
                ? null
                : form.getMatchValue().strip();
    }

    private void validate(AssignmentRuleForm form) {
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
}
