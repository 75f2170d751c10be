package com.nexo.tenancy;

import static com.nexo.tenancy.IsolationSupport.assertRefusedByGrant;
import static com.nexo.tenancy.IsolationSupport.assertRefusedByPolicy;
import static com.nexo.tenancy.IsolationSupport.count;
import static com.nexo.tenancy.IsolationSupport.inTransaction;
import static com.nexo.tenancy.IsolationSupport.newTenant;
import static com.nexo.tenancy.IsolationSupport.texts;
import static com.nexo.tenancy.IsolationSupport.update;
import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.tenancy.IsolationSupport.TestTenant;
import com.nexo.testing.NexoSpringTest;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Access per contact in the database, around the application code, as the application's role:
 * invitations (V59) are their tenant's staff's only — another tenant's staff and every portal role,
 * with its own, a forged or another party's context, read and write none of them; the portal frame's
 * brand columns of the company profile are readable by a portal actor of the tenant only, and no other
 * column of it.
 */
@NexoSpringTest
class PortalAccessIsolationTest {

    private TestTenant a;
    private TestTenant b;
    private UUID invitationOfA;
    private UUID contactOfA;

    @BeforeEach
    void twoTenantsEachWithAnAccountAContactAnInvitationAndACompanyProfile() throws SQLException {
        a = newTenant();
        b = newTenant();
        invitationOfA = seed(a, "Alfa");
        seed(b, "Beta");
        contactOfA = UUID.fromString(inTransaction(
                        a.asEmployee(),
                        db -> texts(db, "SELECT contact_id FROM portal_invitation WHERE id = ?", invitationOfA))
                .getFirst());
    }

    /** The client's own account (its party), a contact, an invitation of it, and the tenant's profile. */
    private static UUID seed(TestTenant tenant, String name) throws SQLException {
        UUID contact = UUID.randomUUID();
        UUID invitation = UUID.randomUUID();
        inTransaction(tenant.asEmployee(), db -> {
            update(
                    db,
                    "INSERT INTO account (id, code, kind, roles, legal_name) VALUES (?, ?, 'ORGANIZATION', '{CLIENT}', ?)",
                    tenant.client().partyId(),
                    "C-" + name,
                    name + " Clientes");
            update(
                    db,
                    "INSERT INTO contact (id, account_id, name) VALUES (?, ?, 'Contacto')",
                    contact,
                    tenant.client().partyId());
            update(
                    db,
                    "INSERT INTO portal_invitation (id, contact_id, party_id, actor_type, email, token_hash, expires_at)"
                            + " VALUES (?, ?, ?, 'client', 'x@portal.test', sha256(?::bytea), now() + interval '72 hours')",
                    invitation,
                    contact,
                    tenant.client().partyId(),
                    invitation.toString());
            update(
                    db,
                    "INSERT INTO tenant_company (legal_name, trade_name, tax_id, iban) VALUES (?, ?, 'B12345678',"
                            + " 'ES9121000418450200051332')",
                    name + " S.L.",
                    name);
            return null;
        });
        return invitation;
    }

    @Test
    void staff_sees_its_own_tenants_invitations_and_another_tenants_staff_none() throws SQLException {
        inTransaction(a.asEmployee(), db -> {
            assertThat(count(db, "SELECT count(*) FROM portal_invitation")).isOne();
            return null;
        });
        inTransaction(b.asEmployee(), db -> {
            assertThat(count(db, "SELECT count(*) FROM portal_invitation WHERE id = ?", invitationOfA))
                    .isZero();
            assertThat(update(db, "UPDATE portal_invitation SET replaced_at = now() WHERE id = ?", invitationOfA))
                    .isZero();
            return null;
        });
        assertRefusedByPolicy(
                () -> inTransaction(
                        b.asEmployee(),
                        db -> update(
                                db,
                                "INSERT INTO portal_invitation (id, tenant_id, contact_id, party_id, actor_type, email,"
                                        + " token_hash, expires_at) VALUES (gen_random_uuid(), ?, ?, ?, 'client', 'spy@x.test',"
                                        + " sha256('spy'::bytea), now() + interval '1 hour')",
                                a.id(),
                                contactOfA,
                                a.client().partyId())),
                "portal_invitation");
        inTransaction(a.asEmployee(), db -> {
            assertThat(texts(db, "SELECT replaced_at::text FROM portal_invitation WHERE id = ?", invitationOfA))
                    .containsExactly((String) null);
            return null;
        });
    }

    @Test
    void no_portal_role_reaches_invitations_with_its_own_a_forged_or_another_partys_context() throws SQLException {
        for (DatabaseContext portal : new DatabaseContext[] {
            a.asClient(),
            new DatabaseContext(
                    a.id(), a.client().id(), ActorType.SUPPLIER, a.client().partyId()),
            new DatabaseContext(
                    a.id(), a.client().id(), ActorType.PROFESSIONAL, a.client().partyId()),
            new DatabaseContext(a.id(), UUID.randomUUID(), ActorType.CLIENT, UUID.randomUUID()),
            new DatabaseContext(
                    a.id(), b.client().id(), ActorType.CLIENT, b.client().partyId())
        }) {
            inTransaction(portal, db -> {
                assertRefusedByGrant(db, "portal_invitation", "SELECT count(*) FROM portal_invitation");
                assertRefusedByGrant(
                        db,
                        "portal_invitation",
                        "UPDATE portal_invitation SET accepted_at = now() WHERE id = ?",
                        invitationOfA);
                assertRefusedByGrant(
                        db,
                        "portal_invitation",
                        "INSERT INTO portal_invitation (id, contact_id, party_id, actor_type, email, token_hash,"
                                + " expires_at) VALUES (gen_random_uuid(), ?, ?, 'client', 'me@x.test',"
                                + " sha256('me'::bytea), now())",
                        contactOfA,
                        a.client().partyId());
                assertRefusedByGrant(db, "portal_invitation", "DELETE FROM portal_invitation");
                return null;
            });
        }
    }

    @Test
    void a_portal_actor_reads_its_own_tenants_name_and_logo_and_nothing_else_of_the_profile() throws SQLException {
        inTransaction(a.asClient(), db -> {
            assertThat(texts(db, "SELECT coalesce(trade_name, legal_name) FROM tenant_company"))
                    .containsExactly("Alfa");
            assertRefusedByGrant(db, "tenant_company", "SELECT tax_id FROM tenant_company");
            assertRefusedByGrant(db, "tenant_company", "SELECT iban FROM tenant_company");
            assertRefusedByGrant(db, "tenant_company", "UPDATE tenant_company SET trade_name = 'Pirata'");
            assertRefusedByGrant(db, "tenant_company", "DELETE FROM tenant_company");
            return null;
        });
        inTransaction(b.asClient(), db -> {
            assertThat(texts(db, "SELECT legal_name FROM tenant_company")).containsExactly("Beta S.L.");
            return null;
        });
        // A portal context of tenant A whose party was cleared (forged around the binder, which refuses
        // to bind an external actor without one) reads no brand.
        inTransaction(a.asClient(), db -> {
            texts(db, "SELECT set_config('nexo.party_id', '', true)");
            assertThat(count(db, "SELECT count(*) FROM tenant_company")).isZero();
            return null;
        });
        // Another tenant's party in tenant B's context still reads only tenant B's brand.
        inTransaction(
                new DatabaseContext(
                        b.id(), a.client().id(), ActorType.SUPPLIER, a.client().partyId()),
                db -> {
                    assertThat(texts(db, "SELECT legal_name FROM tenant_company"))
                            .containsExactly("Beta S.L.");
                    return null;
                });
    }
}
