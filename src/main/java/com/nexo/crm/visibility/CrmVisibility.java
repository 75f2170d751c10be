package com.nexo.crm.visibility;

import com.nexo.crm.CrmPermissions;
import com.nexo.security.CurrentUser;
import com.nexo.security.NexoUser;
import com.nexo.security.Roles;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The visibility of the current user (see {@link CrmPermissions}): every record with {@link
 * CrmPermissions#SEE_ALL} and for background work, its teams' members' and unowned records with
 * {@link CrmPermissions#SEE_TEAM}, else only its own. Nobody logged in sees nothing. Every CRM service
 * applies it to what it reads and checks it before it changes a record.
 */
@Component
public class CrmVisibility {

    private static final String SYSTEM_AUTHORITY = "ROLE_" + Roles.SYSTEM;

    private final JdbcClient jdbc;

    CrmVisibility(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Joins the caller's transaction (its row-level security context) to read the user's teams. */
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public Visibility current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.getAuthorities().stream()
                        .anyMatch(authority -> SYSTEM_AUTHORITY.equals(authority.getAuthority()))) {
            return Visibility.ALL;
        }
        NexoUser user = CurrentUser.get().orElse(null);
        if (user == null || !user.can(CrmPermissions.READ)) {
            return Visibility.NONE;
        }
        if (user.can(CrmPermissions.SEE_ALL)) {
            return Visibility.ALL;
        }
        Set<UUID> owners = new HashSet<>();
        owners.add(user.userId());
        if (!user.can(CrmPermissions.SEE_TEAM)) {
            return new Visibility(false, owners, false);
        }
        owners.addAll(jdbc.sql("""
                        SELECT DISTINCT other.user_id
                          FROM crm_team_member mine
                          JOIN crm_team_member other ON other.tenant_id = mine.tenant_id AND other.team_id = mine.team_id
                         WHERE mine.user_id = ?""").param(user.userId()).query(UUID.class).list());
        return new Visibility(false, owners, true);
    }
}
