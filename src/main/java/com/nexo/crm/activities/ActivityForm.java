package com.nexo.crm.activities;

import com.nexo.base.validation.NoControlCharacters;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;

/**
 * An activity as its form edits it. Due date and time are the user's wall clock in {@code zone} (the
 * browser's); a reminder is given as minutes before the due time.
 */
public class ActivityForm {

    private UUID id;
    private long version;
    private About about;

    @NotNull(message = "{crm.activities.validation.kind-required}")
    private ActivityKind kind = ActivityKind.TASK;

    @NotBlank(message = "{crm.activities.validation.subject-required}")
    @Size(max = 200, message = "{crm.activities.validation.too-long}")
    @NoControlCharacters(message = "{crm.activities.validation.control-characters}")
    private String subject;

    @Size(max = 8000, message = "{crm.activities.validation.too-long}")
    private String notes;

    private LocalDate dueDate;
    private LocalTime dueTime;

    @Min(value = 1, message = "{crm.activities.validation.duration}")
    @Max(value = 1440, message = "{crm.activities.validation.duration}")
    private Integer durationMinutes;

    private UUID assigneeId;

    @Min(value = 0, message = "{crm.activities.validation.reminder}")
    @Max(value = 43200, message = "{crm.activities.validation.reminder}")
    private Integer remindMinutesBefore;

    private ZoneId zone = ZoneId.systemDefault();

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

    public About getAbout() {
        return about;
    }

    public void setAbout(About about) {
        this.about = about;
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

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public void setDueDate(LocalDate dueDate) {
        this.dueDate = dueDate;
    }

    public LocalTime getDueTime() {
        return dueTime;
    }

    public void setDueTime(LocalTime dueTime) {
        this.dueTime = dueTime;
    }

    public Integer getDurationMinutes() {
        return durationMinutes;
    }

    public void setDurationMinutes(Integer durationMinutes) {
        this.durationMinutes = durationMinutes;
    }

    public UUID getAssigneeId() {
        return assigneeId;
    }

    public void setAssigneeId(UUID assigneeId) {
        this.assigneeId = assigneeId;
    }

    public Integer getRemindMinutesBefore() {
        return remindMinutesBefore;
    }

    public void setRemindMinutesBefore(Integer remindMinutesBefore) {
        this.remindMinutesBefore = remindMinutesBefore;
    }

    public ZoneId getZone() {
        return zone;
    }

    public void setZone(ZoneId zone) {
        this.zone = zone == null ? ZoneId.systemDefault() : zone;
    }
}
