package com.nexo.accounts;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A contact's access to the portals, as an account's contacts list shows and changes it: implemented
 * by the portal module (invitations by e-mail, the contact's portal user), which depends on this one;
 * the list works without it (no portal column). Every method checks its own permission.
 */
public interface ContactPortal {

    /** Where a contact stands with the portals. */
    enum Access {
        /** Never invited, or only by invitations that were replaced. */
        NOT_INVITED,
        /** An invitation waits to be accepted. */
        INVITED,
        /** The last invitation ran out before it was accepted. */
        EXPIRED,
        /** The contact has a portal user that may log in. */
        ACTIVE,
        /** The contact's portal user may not log in. */
        DISABLED
    }

    /**
     * A contact of the list.
     *
     * @param contactId the contact
     * @param portalUserId its portal user; null when it has none
     */
    record Listed(UUID contactId, UUID portalUserId) {}

    /** The access of each listed contact, by contact id (one query per kind of fact, not per contact). */
    Map<UUID, Access> accessOf(Collection<Listed> contacts);

    /**
     * The portals the contact may be invited to, by actor type (CLIENT, SUPPLIER, PROFESSIONAL): those
     * its account's roles open, in that order; empty for a prospect only.
     */
    List<String> portalsOf(UUID contactId);

    /**
     * Sends the contact an invitation to the portal of {@code actorType} (CLIENT, SUPPLIER or
     * PROFESSIONAL, one of its account's roles); an earlier invitation of the contact stops working.
     */
    void invite(UUID contactId, String actorType);

    /** The contact's portal user may not log in any more; its sessions end. */
    void disable(UUID contactId);

    /** The contact's portal user may log in again. */
    void enable(UUID contactId);
}
