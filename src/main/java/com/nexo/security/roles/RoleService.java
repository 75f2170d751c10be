package com.nexo.security.roles;

import com.nexo.security.AccessPermissions;
import com.nexo.security.AccessRuleException;
import com.nexo.security.Permission;
import com.nexo.security.Roles;
import com.nexo.security.events.SecurityEventLog;
import com.nexo.security.events.SecurityEventType;
import com.nexo.security.users.OwnAccess;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The roles of the current tenant and their permissions. */
@Service
public class RoleService {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final RoleRepository roles;
    private final PermissionCatalog catalog;
    private final SecurityEventLog events;

    RoleService(RoleRepository roles, PermissionCatalog catalog, SecurityEventLog events) {
        this.roles = roles;
        this.catalog = catalog;
        this.events = events;
    }

    @Transactional(readOnly = true)
    @RolesAllowed({AccessPermissions.ROLES_READ, AccessPermissions.USERS_READ})
    public List<RoleSummary> listRoles() {
        Map<UUID, Long> users = new HashMap<>();
        for (Object[] row : roles.countUsersPerRole()) {
            users.put((UUID) row[0], ((Number) row[1]).longValue());
        }
        return roles.findAllWithPermissions().stream()
                .map(role -> RoleSummary.of(role, users.getOrDefault(role.getId(), 0L)))
                .toList();
    }

    /**
     * Creates a role with the given permissions (unknown permission codes are refused, and so are
     * permissions the caller does not hold itself).
     */
    @Transactional
    @RolesAllowed(AccessPermissions.ROLES_EDIT)
    public UUID createRole(RoleDraft draft) {
        validate(draft);
        if (!OwnAccess.covers(draft.permissions())) {
            throw new AccessRuleException("roles.error.beyond-own-access");
        }
        if (roles.existsByCode(draft.code())) {
            throw new AccessRuleException("roles.error.code-taken");
        }
        Role role = new Role(draft.code(), draft.name().strip(), blankToNull(draft.description()), false);
        role.grantExactly(draft.permissions());
        roles.save(role);
        events.record(SecurityEventType.ROLE_CREATED, null, role.getCode() + " " + sorted(draft.permissions()));
        return role.getId();
    }

    /** A new, editable role with the same permissions as {@code sourceId}. */
    @Transactional
    @RolesAllowed(AccessPermissions.ROLES_EDIT)
    public UUID copyRole(UUID sourceId, String newCode, String newName) {
        Role source = roles.findById(sourceId).orElseThrow(() -> new AccessRuleException("roles.error.not-found"));
        return createRole(new RoleDraft(newCode, newName, source.getDescription(), source.getPermissions()));
    }

    /**
     * Changes a role's name and permissions. {@code expectedVersion} is the version the editor
     * loaded: when someone saved in between, nothing is written and the caller is told.
     */
    @Transactional
    @RolesAllowed(AccessPermissions.ROLES_EDIT)
    public void updateRole(UUID roleId, long expectedVersion, RoleDraft draft) {
        Role role = roles.findById(roleId).orElseThrow(() -> new AccessRuleException("roles.error.not-found"));
        if (role.isPredefined()) {
            throw new AccessRuleException("roles.error.predefined");
        }
        if (!Objects.equals(role.getVersion(), expectedVersion)) {
            throw new OptimisticLockingFailureException("Role " + roleId + " changed since it was loaded");
        }
        validate(new RoleDraft(role.getCode(), draft.name(), draft.description(), draft.permissions()));
        if (!OwnAccess.covers(role.getPermissions()) || !OwnAccess.covers(draft.permissions())) {
            throw new AccessRuleException("roles.error.beyond-own-access");
        }
        role.rename(draft.name().strip(), blankToNull(draft.description()));
        if (role.grantExactly(draft.permissions())) {
            roles.touchUsersOfRole(roleId);
            events.record(SecurityEventType.ROLE_CHANGED, null, role.getCode() + " " + sorted(draft.permissions()));
        }
        roles.saveAndFlush(role);
    }

    @Transactional
    @RolesAllowed(AccessPermissions.ROLES_EDIT)
    public void deleteRole(UUID roleId) {
        Role role = roles.findById(roleId).orElseThrow(() -> new AccessRuleException("roles.error.not-found"));
        if (role.isPredefined()) {
            throw new AccessRuleException("roles.error.predefined");
        }
        if (!OwnAccess.covers(role.getPermissions())) {
            throw new AccessRuleException("roles.error.beyond-own-access");
        }
        roles.touchUsersOfRole(roleId);
        roles.delete(role);
        events.record(SecurityEventType.ROLE_DELETED, null, role.getCode());
    }

    /**
     * Creates the predefined roles a tenant lacks and brings their permissions in step with the
     * catalogue. Runs as system work for one tenant (at tenant creation and at start-up).
     */
    @Transactional
    @RolesAllowed(Roles.SYSTEM)
    public void syncPredefinedRoles() {
        for (PredefinedRole predefined : PredefinedRole.values()) {
            Role role = roles.findByCode(predefined.code())
                    .orElseGet(() -> roles.save(new Role(predefined.code(), predefined.code(), null, true)));
            Set<String> codes = predefined.permissions(catalog).stream()
                    .map(Permission::code)
                    .collect(Collectors.toSet());
            if (role.grantExactly(codes)) {
                roles.touchUsersOfRole(role.getId());
            }
        }
    }

    private void validate(RoleDraft draft) {
        if (draft.code() == null || !CODE.matcher(draft.code()).matches()) {
            throw new AccessRuleException("roles.error.code-format");
        }
        if (draft.name() == null || draft.name().isBlank()) {
            throw new AccessRuleException("roles.error.name-required");
        }
        for (String code : draft.permissions()) {
            if (!catalog.contains(Permission.parse(code))) {
                throw new AccessRuleException("roles.error.unknown-permission");
            }
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String sorted(Set<String> codes) {
        return codes.stream().sorted().collect(Collectors.joining(",", "[", "]"));
    }

    /** What an administrator edits: the code is fixed once the role exists. */
    public record RoleDraft(String code, String name, String description, Set<String> permissions) {
        public RoleDraft {
            permissions = Set.copyOf(permissions);
        }
    }

    /** A role as lists and the permission matrix show it. */
    public record RoleSummary(
            UUID id,
            String code,
            String name,
            String description,
            boolean predefined,
            long version,
            Set<String> permissions,
            long users) {
        static RoleSummary of(Role role, long users) {
            return new RoleSummary(
                    role.getId(),
                    role.getCode(),
                    role.getName(),
                    role.getDescription(),
                    role.isPredefined(),
                    role.getVersion(),
                    role.getPermissions(),
                    users);
        }
    }
}
