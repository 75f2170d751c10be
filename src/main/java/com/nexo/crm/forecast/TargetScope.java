package com.nexo.crm.forecast;

import java.util.UUID;

/** Whose target: a salesperson's, a team's, or the whole tenant's. */
public record TargetScope(Kind kind, UUID id) {

    public enum Kind {
        TENANT,
        OWNER,
        TEAM
    }

    public TargetScope {
        if (kind == null || (kind == Kind.TENANT) != (id == null)) {
            throw new IllegalArgumentException("scope " + kind + " " + id);
        }
    }

    public static TargetScope tenant() {
        return new TargetScope(Kind.TENANT, null);
    }

    public static TargetScope owner(UUID userId) {
        return new TargetScope(Kind.OWNER, userId);
    }

    public static TargetScope team(UUID teamId) {
        return new TargetScope(Kind.TEAM, teamId);
    }

    UUID ownerId() {
        return kind == Kind.OWNER ? id : null;
    }

    UUID teamId() {
        return kind == Kind.TEAM ? id : null;
    }
}
