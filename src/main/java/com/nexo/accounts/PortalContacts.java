package com.nexo.accounts;

import com.nexo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the portal module needs of accounts and contacts: a contact as an invitation addresses it, the
 * link from a contact to the portal user it logs in as ({@code contact.portal_user_id}), and, for a
 * portal user, the name of its own account. Joins the caller's transaction, under its row-level
 * security (a portal user reads its own account only).
 */
@Service
public class PortalContacts {

    /** The portals an account's roles open: its portal users act as one of these actor types. */
    public enum Portal {
        CLIENT,
        SUPPLIER,
        PROFESSIONAL
    }

    /**
     * A contact as an invitation addresses it.
     *
     * @param id the contact
     * @param accountId its account, the party its portal user acts for
     * @param accountName the account's legal name
     * @param name the contact's name
     * @param email its first e-mail address; null when it has none
     * @param language its language, else its account's ("es", "en"); null when neither has one
     * @param portals the portals its account's roles open, in declaration order
     * @param portalUserId the portal user it logs in as; null when none
     */
    public record PortalContact(
            UUID id,
            UUID accountId,
            String accountName,
            String name,
            String email,
            String language,
            Set<Portal> portals,
            UUID portalUserId) {

        public PortalContact {
            portals = portals.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(portals));
        }
    }

    private static final String SELECT = """
            SELECT c.id, c.account_id, a.legal_name, c.name, c.emails[1] AS email,
                   coalesce(c.language, a.language) AS language, a.roles, c.portal_user_id
              FROM contact c
              JOIN account a ON a.tenant_id = c.tenant_id AND a.id = c.account_id
            """;

    private static final RowMapper<PortalContact> CONTACT = (ResultSet row, int n) -> new PortalContact(
            row.getObject("id", UUID.class),
            row.getObject("account_id", UUID.class),
            row.getString("legal_name"),
            row.getString("name"),
            row.getString("email"),
            row.getString("language"),
            portals(row.getArray("roles")),
            row.getObject("portal_user_id", UUID.class));

    private final JdbcClient jdbc;

    PortalContacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The contact, if it exists and is visible. */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.EMPLOYEE, Roles.SYSTEM})
    public Optional<PortalContact> find(UUID contactId) {
        return jdbc.sql(SELECT + " WHERE c.id = :id")
                .param("id", contactId)
                .query(CONTACT)
                .optional();
    }

    /** The contacts of an account, by name (an account has a handful). */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.EMPLOYEE, Roles.SYSTEM})
    public List<PortalContact> ofAccount(UUID accountId) {
        return jdbc.sql(SELECT + " WHERE c.account_id = :account ORDER BY c.name, c.id")
                .param("account", accountId)
                .query(CONTACT)
                .list();
    }

    /**
     * Records that the contact logs in to the portals as this user (accepting an invitation, linking
     * the demo's users). Not a change of the contact's own data: its version stays, so an open form of
     * the contact still saves.
     */
    @Transactional
    @RolesAllowed({Roles.EMPLOYEE, Roles.SYSTEM})
    public void linkPortalUser(UUID contactId, UUID userId) {
        jdbc.sql("UPDATE contact SET portal_user_id = :user WHERE id = :id")
                .param("user", userId)
                .param("id", contactId)
                .update();
    }

    /** The legal name of the account the signed-in portal user acts for; empty for anyone else. */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.CLIENT, Roles.SUPPLIER, Roles.PROFESSIONAL})
    public Optional<String> ownAccountName() {
        // Row-level security shows a portal actor its own account only; the party binds the row.
        return jdbc.sql("SELECT legal_name FROM account WHERE id = nexo_party_id()")
                .query(String.class)
                .optional();
    }

    private static Set<Portal> portals(Array roles) throws SQLException {
        Set<Portal> portals = EnumSet.noneOf(Portal.class);
        if (roles == null) {
            return portals;
        }
        for (Object role : (Object[]) roles.getArray()) {
            for (Portal portal : Portal.values()) {
                if (portal.name().equals(role)) {
                    portals.add(portal);
                }
            }
        }
        return portals;
    }
}
