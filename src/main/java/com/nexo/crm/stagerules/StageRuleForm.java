package com.nexo.crm.stagerules;

import com.nexo.base.validation.NoControlCharacters;
import com.nexo.crm.activities.ActivityKind;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** A stage rule as its form edits it. */
public class StageRuleForm {

    private UUID id;
    private long version;

    @NotNull(message = "{crm.stagerules.validation.stage-required}")
    private UUID stageId;

    private boolean createActivity = true;
    private ActivityKind kind = ActivityKind.TASK;

    @Size(max = 200, message = "{crm.stagerules.validation.too-long}")
    @NoControlCharacters(message = "{crm.stagerules.validation.control-characters}")
    private String subject;

    @Min(value = 0, message = "{crm.stagerules.validation.days}")
    @Max(value = 365, message = "{crm.stagerules.validation.days}")
    private Integer dueInDays = 1;

    private boolean notifyOwner;
    private boolean active = true;

    public UUID getId() {
        return id;
    }

    public void setId(UUID id) {
        this.id = id;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }

    public UUID getStageId() {
        return stageId;
    }

    public void setStageId(UUID stageId) {
        this.stageId = stageId;
    }

    public boolean isCreateActivity() {
        return createActivity;
    }

    public void setCreateActivity(boolean createActivity) {
        this.createActivity = createActivity;
    }

    public ActivityKind getKind() {
        return kind;
    }

    public void setKind(ActivityKind kind) {
        this.kind = kind;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public Integer getDueInDays() {
        return dueInDays;
    }

    public void setDueInDays(Integer dueInDays) {
        this.dueInDays = dueInDays;
    }

    public boolean isNotifyOwner() {
        return notifyOwner;
    }

    public void setNotifyOwner(boolean notifyOwner) {
        this.notifyOwner = notifyOwner;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
