package com.nexo.crm.stagerules;

import com.nexo.base.Ids;
import com.nexo.base.RuleException;
import com.nexo.crm.CrmPermissions;
import com.nexo.crm.activities.ActivityKind;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The tenant's stage rules (CRM settings): listed, saved with a version check, deleted. */
@Service
public class StageRuleService {

    /** A stage as the rule form offers it: with its pipeline's name. */
    public record StageChoice(UUID id, UUID pipelineId, String name) {}

    /** A refusal of the rule form. */
    public static class StageRuleException extends RuleException {
        StageRuleException(String messageKey) {
            super(null, messageKey);
        }

        private StageRuleException(String field, String messageKey, boolean onField) {
            super(field, messageKey);
        }

        static StageRuleException onField(String field, String messageKey) {
            return new StageRuleException(field, messageKey, true);
        }
    }

    private static final String LIST = """
            SELECT r.id, r.pipeline_id, p.name AS pipeline_name, r.stage_id, s.name AS stage_name, r.activity_kind,
                   r.activity_subject, r.due_in_days, r.notify_owner, r.active, r.version
              FROM crm_stage_rule r
              JOIN crm_stage s ON s.tenant_id = r.tenant_id AND s.id = r.stage_id
              JOIN crm_pipeline p ON p.tenant_id = r.tenant_id AND p.id = r.pipeline_id
             ORDER BY p.position, p.name, s.position, r.created_at, r.id
            """;

    static final RowMapper<StageRule> ROW = (row, i) -> new StageRule(
            row.getObject("id", UUID.class),
            row.getObject("pipeline_id", UUID.class),
            row.getString("pipeline_name"),
            row.getObject("stage_id", UUID.class),
            row.getString("stage_name"),
            row.getString("activity_kind") == null ? null : ActivityKind.valueOf(row.getString("activity_kind")),
            row.getString("activity_subject"),
            row.getObject("due_in_days", Integer.class),
            row.getBoolean("notify_owner"),
            row.getBoolean("active"),
            row.getLong("version"));

    private final JdbcClient jdbc;
    private final Validator validator;

    StageRuleService(JdbcClient jdbc, Validator validator) {
        this.jdbc = jdbc;
        this.validator = validator;
    }

    /** Every rule of the tenant, by pipeline and stage. */
    @Transactional(readOnly = true)
    @RolesAllowed(CrmPermissions.SETTINGS)
    public List<StageRule> list() {
        return jdbc.sql(LIST).query(ROW).list();
    }

    /** The open stages of the tenant's pipelines, named "pipeline: stage", in board order. */
    @Transactional(readOnly = true)
    @RolesAllowed(CrmPermissions.SETTINGS)
    public List<StageChoice> stages() {
        return jdbc.sql("""
                        SELECT s.id, s.pipeline_id, p.name || ': ' || s.name AS name
                          FROM crm_stage s JOIN crm_pipeline p ON p.tenant_id = s.tenant_id AND p.id = s.pipeline_id
                         WHERE NOT s.archived AND NOT p.archived
                         ORDER BY p.position, p.name, s.position, s.id
                        """)
                .query((row, i) -> new StageChoice(
                        row.getObject("id", UUID.class),
                        row.getObject("pipeline_id", UUID.class),
                        row.getString("name")))
                .list();
    }

    /** The form of a rule. */
    @Transactional(readOnly = true)
    @RolesAllowed(CrmPermissions.SETTINGS)
    public StageRuleForm getForm(UUID id) {
        StageRule rule = list().stream()
                .filter(r -> r.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new StageRuleException("crm.stagerules.error.changed"));
        StageRuleForm form = new StageRuleForm();
        form.setId(rule.id());
        form.setVersion(rule.version());
        form.setStageId(rule.stageId());
        form.setCreateActivity(rule.kind() != null);
        form.setKind(rule.kind() == null ? ActivityKind.TASK : rule.kind());
        form.setSubject(rule.subject());
        form.setDueInDays(rule.dueInDays() == null ? 1 : rule.dueInDays());
        form.setNotifyOwner(rule.notifyOwner());
        form.setActive(rule.active());
        return form;
    }

    /** Creates or updates the rule; returns its id. A rule changed since it was read is refused. */
    @Transactional
    @RolesAllowed(CrmPermissions.SETTINGS)
    public UUID save(StageRuleForm form) {
        Objects.requireNonNull(form, "form");
        validate(form);
        UUID pipeline = jdbc.sql("SELECT pipeline_id FROM crm_stage WHERE id = :id")
                .param("id", form.getStageId())
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> StageRuleException.onField("stageId", "crm.stagerules.validation.stage-required"));
        boolean activity = form.isCreateActivity();
        String kind = activity ? form.getKind().name() : null;
        String subject = activity ? form.getSubject().strip() : null;
        Integer days = activity ? form.getDueInDays() : null;
        if (form.getId() == null) {
            UUID id = Ids.newId();
            jdbc.sql("""
                            INSERT INTO crm_stage_rule (id, pipeline_id, stage_id, activity_kind, activity_subject, due_in_days,
                                                        notify_owner, active)
                            VALUES (:id, :pipeline, :stage, :kind, :subject, :days, :notify, :active)
                            """)
                    .param("id", id)
                    .param("pipeline", pipeline)
                    .param("stage", form.getStageId())
                    .param("kind", kind)
                    .param("subject", subject)
                    .param("days", days)
                    .param("notify", form.isNotifyOwner())
                    .param("active", form.isActive())
                    .update();
            return id;
        }
        int updated = jdbc.sql("""
                        UPDATE crm_stage_rule
                           SET pipeline_id = :pipeline, stage_id = :stage, activity_kind = :kind, activity_subject = :subject,
                               due_in_days = :days, notify_owner = :notify, active = :active, updated_at = now(),
                               version = version + 1
                         WHERE id = :id AND version = :version
                        """)
                .param("id", form.getId())
                .param("version", form.getVersion())
                .param("pipeline", pipeline)
                .param("stage", form.getStageId())
                .param("kind", kind)
                .param("subject", subject)
                .param("days", days)
                .param("notify", form.isNotifyOwner())
                .param("active", form.isActive())
                .update();
        if (updated == 0) {
            throw new StageRuleException("crm.stagerules.error.changed");
        }
        return form.getId();
    }

    /** Deletes a rule. */
    @Transactional
    @RolesAllowed(CrmPermissions.SETTINGS)
    public void delete(UUID id) {
        jdbc.sql("DELETE FROM crm_stage_rule WHERE id = :id").param("id", id).update();
    }

    private void validate(StageRuleForm form) {
        Set<ConstraintViolation<StageRuleForm>> violations = validator.validate(form);
        if (!violations.isEmpty()) {
            ConstraintViolation<StageRuleForm> first = violations.stream()
                    .min(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .orElseThrow();
            String template = first.getMessageTemplate();
            String fallbackKey = "crm.stagerules.validation.invalid";
            String key = template.startsWith("{crm.") && template.endsWith("}")
                    ? template.substring(1, template.length() - 1)
                    : fallbackKey;
            throw StageRuleException.onField(first.getPropertyPath().toString(), key);
        }
        if (form.isCreateActivity()) {
            if (form.getKind() == null) {
                throw StageRuleException.onField("kind", "crm.stagerules.validation.kind-required");
            }
            if (form.getSubject() == null || form.getSubject().isBlank()) {
                throw StageRuleException.onField("subject", "crm.stagerules.validation.subject-required");
            }
            if (form.getDueInDays() == null) {
                throw StageRuleException.onField("dueInDays", "crm.stagerules.validation.days");
            }
        } else if (!form.isNotifyOwner()) {
            throw StageRuleException.onField("notifyOwner", "crm.stagerules.validation.nothing-to-do");
        }
    }
}
