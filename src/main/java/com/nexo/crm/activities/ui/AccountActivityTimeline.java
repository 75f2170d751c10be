package com.nexo.crm.activities.ui;

import com.nexo.base.ui.HistoryTimeline;
import com.nexo.base.ui.RecordSection;
import com.nexo.base.ui.RecordTimeline;
import com.nexo.crm.CrmPermissions;
import com.nexo.crm.activities.About;
import com.nexo.crm.activities.ActivityRow;
import com.nexo.crm.activities.ActivityService;
import com.vaadin.flow.component.Component;
import java.util.List;
import java.util.UUID;

/**
 * The account's activities (its own and its opportunities') on its timeline, beside who changed what:
 * each at its due time (a note at when it was written), with its kind, subject and whether it is
 * done. The latest {@value #LATEST}; the activities section of the same page lists them all.
 */
@org.springframework.stereotype.Component
class AccountActivityTimeline implements RecordTimeline {

    static final int LATEST = 20;

    private final ActivityService activities;

    AccountActivityTimeline(ActivityService activities) {
        this.activities = activities;
    }

    @Override
    public String recordType() {
        return RecordSection.ACCOUNT;
    }

    @Override
    public String permission() {
        return CrmPermissions.READ;
    }

    @Override
    public List<HistoryTimeline.Entry> entries(Component context, UUID accountId) {
        return activities.forRecord(About.account(accountId), null, LATEST).rows().stream()
                .map(activity -> entry(context, activity))
                .toList();
    }

    private static HistoryTimeline.Entry entry(Component context, ActivityRow activity) {
        String kind = ActivityLabels.kind(context, activity.kind());
        String what = activity.done()
                ? context.getTranslation("crm.activities.timeline-done", kind, activity.subject())
                : context.getTranslation("crm.activities.timeline-open", kind, activity.subject());
        return new HistoryTimeline.Entry(
                activity.dueAt() != null ? activity.dueAt() : activity.createdAt(),
                activity.assigneeName() == null ? "" : activity.assigneeName(),
                what,
                List.of());
    }
}
