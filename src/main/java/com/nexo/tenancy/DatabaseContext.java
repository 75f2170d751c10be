package com.nexo.tenancy;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * What a transaction is bound to: the tenant, the acting user (absent for system work), the actor
 * type and, for external actors, the account (party) they belong to.
 */
public record DatabaseContext(UUID tenantId, UUID userId, ActorType actorType, UUID partyId) implements Serializable {

    public DatabaseContext {
        Objects.requireNonNull(actorType, "actorType");
        if (actorType != ActorType.OPERATOR) {
            Objects.requireNonNull(tenantId, "tenantId");
        }
        if (actorType.isExternal()) {
            Objects.requireNonNull(partyId, "an external actor needs the account (party) it belongs to");
        }
    }

    /** Background work for a tenant, on behalf of a user when one started it. */
    public static DatabaseContext system(UUID tenantId, UUID onBehalfOfUserId) {
        return new DatabaseContext(tenantId, onBehalfOfUserId, ActorType.SYSTEM, null);
    }
}
