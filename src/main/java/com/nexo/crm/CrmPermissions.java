package com.nexo.crm;

import com.nexo.security.ModulePermissions;
import com.nexo.security.Permission;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Permissions of the CRM: leads, opportunities, activities, the board and the forecast.
 *
 * <p>What a user sees of other people's leads, opportunities and activities is part of its role too:
 * without {@link #SEE_TEAM} or {@link #SEE_ALL} a salesperson sees only the records it owns or is
 * assigned; with {@link #SEE_TEAM}, also those of the members of its teams; with {@link #SEE_ALL},
 * every record of the tenant. The service layer applies it on every read and change.
 */
public final class CrmPermissions {

    public static final String READ = "crm.read";
    public static final String CREATE = "crm.create";
    public static final String EDIT = "crm.edit";
    public static final String DELETE = "crm.delete";
    /** Convert a lead into an account, a contact and an opportunity. */
    public static final String CONVERT = "crm.convert";
    /** The forecast: expected revenue by month and by owner, won against target. */
    public static final String FORECAST = "crm.forecast";
    /** Pipelines and stages, lost reasons, teams, assignment and stage rules, web forms and targets. */
    public static final String SETTINGS = "crm.settings";
    /** See the records of the members of one's teams, not only one's own. */
    public static final String SEE_TEAM = "crm.team";
    /** See every record of the tenant. */
    public static final String SEE_ALL = "crm.all";

    private CrmPermissions() {}

    @Component
    static class Crm implements ModulePermissions {
        @Override
        public String module() {
            return "crm";
        }

        @Override
        public List<Permission> permissions() {
            return List.of(READ, CREATE, EDIT, DELETE, CONVERT, FORECAST, SETTINGS, SEE_TEAM, SEE_ALL).stream()
                    .map(Permission::parse)
                    .toList();
        }
    }
}
