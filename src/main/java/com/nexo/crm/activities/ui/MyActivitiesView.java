package com.nexo.crm.activities.ui;

import com.nexo.base.ui.Format;
import com.nexo.crm.CrmPermissions;
import com.nexo.crm.activities.ActivityGroup;
import com.nexo.crm.activities.ActivityRow;
import com.nexo.crm.activities.ActivityService;
import com.nexo.security.CurrentUser;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;

/**
 * "My activities": the current user's open activities in three groups by due date in its browser's time
 * zone (overdue, today, upcoming), each read a page at a time by key. A checkbox completes an activity
 * with one click (it leaves the list), the subject opens its form, the record it is about is a link, and
 * "New activity" asks what the activity is about.
 */
@Route("crm/activities")
@RolesAllowed(CrmPermissions.READ)
@Menu(title = "menu.crm-activities", order = 15.3, icon = "vaadin:check-square-o")
public class MyActivitiesView extends Main implements HasDynamicTitle {

    private final transient ActivityService activities;
    final Map<ActivityGroup, ActivityList> groups = new EnumMap<>(ActivityGroup.class);
    final Button create = new Button();

    public MyActivitiesView(ActivityService activities) {
        this.activities = activities;
        addClassNames("list-view", "my-activities");
        ZoneId zone = Format.zone(UI.getCurrent());
        Div toolbar = new Div();
        toolbar.addClassName("list-toolbar");
        create.setText(getTranslation("crm.activities.new"));
        create.setIcon(VaadinIcon.PLUS.create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClassName("activity-new");
        create.addClickListener(
                click -> ActivityDialog.create(activities, null, this::reload).open());
        create.setVisible(CurrentUser.can(CrmPermissions.CREATE));
        toolbar.add(create);
        add(new H2(getTranslation("crm.activities.title")), toolbar);
        for (ActivityGroup group : ActivityGroup.values()) {
            ActivityList list = new ActivityList(
                    activities,
                    (after, limit) -> activities.mine(group, zone, after, limit),
                    true,
                    ActivityLabels.empty(this, group),
                    this::open,
                    this::reload);
            groups.put(group, list);
            Div section = new Div(new H3(ActivityLabels.group(this, group)), list);
            section.addClassNames("activity-group", group.name().toLowerCase(java.util.Locale.ROOT));
            add(section);
        }
        reload();
    }

    private void open(ActivityRow activity) {
        ActivityDialog.edit(activities, activity.id(), this::reload).open();
    }

    /** Reads the three groups again. */
    void reload() {
        groups.values().forEach(ActivityList::reload);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("crm.activities.title");
    }
}
