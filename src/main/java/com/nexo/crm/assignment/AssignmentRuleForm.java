package com.nexo.crm.assignment;

import com.nexo.base.validation.NoControlCharacters;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** The editable values of an assignment rule, bound by its settings dialog. */
public class AssignmentRuleForm {

    private UUID id;
    private Long version;

    @NotBlank(message = "{crm.assignment.validation.name-required}")
    @NoControlCharacters(message = "{crm.leads.validation.control-characters}")
    @Size(max = 120, message = "{crm.leads.validation.too-long}")
    private String name;

    private int position;

    @NotNull(message = "{crm.assignment.validation.condition-required}")
    private AssignmentCondition condition = AssignmentCondition.ANY;

    @NoControlCharacters(message = "{crm.leads.validation.control-characters}")
    @Size(max = 80, message = "{crm.leads.validation.too-long}")
    private String matchValue;

    private UUID userId;
    private UUID teamId;
    private boolean enabled = true;

    /** A tag or region rule names its tag or region; a rule for every lead names none. */
    @AssertTrue(message = "{crm.assignment.validation.value-required}")
    public boolean isValueGiven() {
        boolean given = matchValue != null && !matchValue.isBlank();
        return condition == null || (condition == AssignmentCondition.ANY) != given;
    }

    /** A rule gives leads to one user, or in turn to one team's members. */
    @AssertTrue(message = "{crm.assignment.validation.target-required}")
    public boolean isTargetGiven() {
        return (userId == null) != (teamId == null);
    }

    public static AssignmentRuleForm of(AssignmentRule rule) {
        AssignmentRuleForm form = new AssignmentRuleForm();
        form.id = rule.id();
        form.version = rule.version();
        form.name = rule.name();
        form.position = rule.position();
        form.condition = rule.condition();
        form.matchValue = rule.matchValue();
        form.userId = rule.userId();
        form.teamId = rule.teamId();
        form.enabled = rule.enabled();
        return form;
    }

    public UUID getId() {
        return id;
    }

    public void setId(UUID id) {
        this.id = id;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public int getPosition() {
        return position;
    }

    public void setPosition(int position) {
        this.position = position;
    }

    public AssignmentCondition getCondition() {
        return condition;
    }

    public void setCondition(AssignmentCondition condition) {
        this.condition = condition;
    }

    public String getMatchValue() {
        return matchValue;
    }

    public void setMatchValue(String matchValue) {
        this.matchValue = matchValue;
    }

    public UUID getUserId() {
        return userId;
    }

    public void setUserId(UUID userId) {
        this.userId = userId;
    }

    public UUID getTeamId() {
        return teamId;
    }

    public void setTeamId(UUID teamId) {
        this.teamId = teamId;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
