package com.nexo.crm.activities.ui;

import com.nexo.base.ui.RecordSection;
import com.nexo.crm.CrmPermissions;
import com.nexo.crm.activities.About;
import com.nexo.crm.activities.ActivityService;
import com.nexo.security.CurrentUser;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.UUID;
import java.util.function.Function;

/**
 * The activities of a record on its page, newest first (done ones struck through), with "add" and a
 * checkbox to complete: contributed to the lead's, the opportunity's and the account's page (the
 * account's 360° view lists the activities of its opportunities too, which carry its id).
 */
abstract class ActivitiesSection implements RecordSection {

    private final ActivityService activities;
    private final Function<UUID, About> about;

    ActivitiesSection(ActivityService activities, Function<UUID, About> about) {
        this.activities = activities;
        this.about = about;
    }

    @Override
    public String permission() {
        return CrmPermissions.READ;
    }

    @Override
    public int order() {
        return 150;
    }

    @Override
    public String titleKey() {
        return "crm.activities.section";
    }

    @Override
    public Component content(UUID recordId) {
        About record = about.apply(recordId);
        Div content = new Div();
        content.addClassName("activities-section");
        ActivityList[] list = new ActivityList[1];
        list[0] = new ActivityList(
                activities,
                (after, limit) -> activities.forRecord(record, after, limit),
                false,
                content.getTranslation("crm.activities.section-empty"),
                row -> ActivityDialog.edit(activities, row.id(), () -> list[0].reload())
                        .open(),
                () -> list[0].reload());
        if (CurrentUser.can(CrmPermissions.CREATE)) {
            Button add = new Button(content.getTranslation("crm.activities.add"), VaadinIcon.PLUS.create());
            add.addThemeVariants(ButtonVariant.LUMO_SMALL);
            add.addClassName("activity-add");
            add.addClickListener(click -> ActivityDialog.create(activities, record, () -> list[0].reload())
                    .open());
            content.add(add);
        }
        content.add(list[0]);
        list[0].reload();
        return content;
    }

    @org.springframework.stereotype.Component
    static class OnAccount extends ActivitiesSection {
        OnAccount(ActivityService activities) {
            super(activities, About::account);
        }

        @Override
        public String recordType() {
            return ACCOUNT;
        }
    }

    @org.springframework.stereotype.Component
    static class OnOpportunity extends ActivitiesSection {
        OnOpportunity(ActivityService activities) {
            super(activities, About::opportunity);
        }

        @Override
        public String recordType() {
            return RecordSection.CRM_OPPORTUNITY;
        }
    }

    @org.springframework.stereotype.Component
    static class OnLead extends ActivitiesSection {
        OnLead(ActivityService activities) {
            super(activities, About::lead);
        }

        @Override
        public String recordType() {
            return RecordSection.CRM_LEAD;
        }
    }
}
