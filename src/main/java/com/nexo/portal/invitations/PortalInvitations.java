package com.nexo.portal.invitations;

import com.nexo.accounts.AccountPermissions;
import com.nexo.accounts.ContactPortal;
import com.nexo.accounts.PortalContacts;
import com.nexo.accounts.PortalContacts.PortalContact;
import com.nexo.base.Ids;
import com.nexo.base.mail.MailOutbox;
import com.nexo.base.mail.OutgoingMail;
import com.nexo.base.mail.PublicLinks;
import com.nexo.base.ui.Translations;
import com.nexo.security.AccessRuleException;
import com.nexo.security.CurrentUser;
import com.nexo.security.NexoUser;
import com.nexo.security.PortalUsers;
import com.nexo.security.UserService;
import com.nexo.tenancy.ActorType;
import com.nexo.tenancy.TenantBrand;
import com.nexo.tenancy.TenantContext;
import com.nexo.tenancy.TenantService;
import com.vaadin.flow.i18n.I18NProvider;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Access per contact: an employee who may ({@link AccountPermissions#PORTAL_ACCESS}) invites a contact
 * of an account to one of the portals its account's roles open, sends the invitation again, disables
 * and re-enables the contact's portal user; the contact accepts the e-mailed link on the anonymous
 * welcome page by choosing a password, which creates its portal user (security's, tied to the
 * account) and links it to the contact (accounts').
 *
 * <p>A link holds a random token of which only the SHA-256 hash is stored; it is valid for {@code
 * nexo.portal.invitation-validity} (72 hours), once, and a newer invitation of the same contact
 * replaces it. An invitation is stored only after the mail server accepted its mail, so a mail that
 * never left leaves no link behind and the earlier invitation still works. A contact without an
 * e-mail, or whose e-mail already logs in somewhere (a user of any tenant, or a platform operator:
 * {@link PortalUsers#loginTaken}), is refused before anything is sent or stored, since the link could
 * never create its user.
 */
@Service
public class PortalInvitations implements ContactPortal {

    /** The welcome page's address, before the token. */
    public static final String WELCOME_ROUTE = "portal-welcome";

    private static final String LATEST = """
            SELECT DISTINCT ON (contact_id) contact_id, expires_at, replaced_at, accepted_at
              FROM portal_invitation
             WHERE contact_id = ANY (:contacts)
             ORDER BY contact_id, created_at DESC
            """;

    private static final String REPLACE_PENDING = """
            UPDATE portal_invitation SET replaced_at = :now, version = version + 1
             WHERE contact_id = :contact AND replaced_at IS NULL AND accepted_at IS NULL
            """;

    private static final String INSERT = """
            INSERT INTO portal_invitation (id, contact_id, party_id, actor_type, email, token_hash, expires_at,
                                           invited_by, created_at)
            VALUES (:id, :contact, :party, :actor, :email, :hash, :expires, :by, :now)
            """;

    private static final String BY_TOKEN = """
            SELECT id, contact_id, actor_type, email, expires_at, replaced_at, accepted_at
              FROM portal_invitation
             WHERE token_hash = :hash
            """;

    private static final String ACCEPT = """
            UPDATE portal_invitation SET accepted_at = :now, user_id = :user, version = version + 1
             WHERE id = :id AND accepted_at IS NULL AND replaced_at IS NULL
            """;

    private final JdbcClient jdbc;
    private final PortalContacts contacts;
    private final PortalUsers portalUsers;
    private final UserService users;
    private final MailOutbox outbox;
    private final I18NProvider translations;
    private final TenantBrand brand;
    private final TenantService tenants;
    private final Clock clock;
    private final TransactionTemplate reading;
    private final TransactionTemplate writing;
    private final PublicLinks links;
    private final Duration validity;

    PortalInvitations(
            JdbcClient jdbc,
            PortalContacts contacts,
            PortalUsers portalUsers,
            UserService users,
            MailOutbox outbox,
            I18NProvider translations,
            TenantBrand brand,
            TenantService tenants,
            Clock clock,
            PlatformTransactionManager transactionManager,
            PublicLinks links,
            @Value("${nexo.portal.invitation-validity:72h}") Duration validity) {
        this.jdbc = jdbc;
        this.contacts = contacts;
        this.portalUsers = portalUsers;
        this.users = users;
        this.outbox = outbox;
        this.translations = translations;
        this.brand = brand;
        this.tenants = tenants;
        this.clock = clock;
        this.reading = new TransactionTemplate(transactionManager);
        this.reading.setReadOnly(true);
        this.writing = new TransactionTemplate(transactionManager);
        this.links = links;
        this.validity = validity;
    }

    // --- The contacts list ------------------------------------------------------------------------

    @Override
    @RolesAllowed(AccountPermissions.READ)
    public Map<UUID, Access> accessOf(Collection<Listed> listed) {
        Map<UUID, Access> access = new HashMap<>();
        if (listed.isEmpty()) {
            return access;
        }
        return reading.execute(status -> {
            List<UUID> userIds = listed.stream()
                    .map(Listed::portalUserId)
                    .filter(java.util.Objects::nonNull)
                    .toList();
            Map<UUID, Boolean> enabled = portalUsers.enabledOf(userIds);
            Instant now = clock.instant();
            jdbc.sql(LATEST)
                    .param("contacts", listed.stream().map(Listed::contactId).toArray(UUID[]::new))
                    .query(row -> {
                        Access latest = row.getTimestamp("accepted_at") != null
                                        || row.getTimestamp("replaced_at") != null
                                ? Access.NOT_INVITED
                                : row.getTimestamp("expires_at").toInstant().isAfter(now)
                                        ? Access.INVITED
                                        : Access.EXPIRED;
                        access.put(row.getObject("contact_id", UUID.class), latest);
                    });
            for (Listed contact : listed) {
                Boolean may = contact.portalUserId() == null ? null : enabled.get(contact.portalUserId());
                if (may != null) {
                    access.put(contact.contactId(), may ? Access.ACTIVE : Access.DISABLED);
                } else {
                    access.putIfAbsent(contact.contactId(), Access.NOT_INVITED);
                }
            }
            return access;
        });
    }

    @Override
    @RolesAllowed(AccountPermissions.PORTAL_ACCESS)
    public List<String> portalsOf(UUID contactId) {
        return reading.execute(
                status -> contact(contactId).portals().stream().map(Enum::name).toList());
    }

    @Override
    @RolesAllowed(AccountPermissions.PORTAL_ACCESS)
    public void invite(UUID contactId, String actorType) {
        NexoUser me = CurrentUser.get().orElseThrow();
        InvitationToken token = InvitationToken.create(me.tenantId());
        Prepared prepared = reading.execute(status -> prepare(contactId, actorType, token, me));
        // No transaction is open while the server answers; a refusal leaves nothing stored.
        outbox.send(prepared.mail());
        Instant now = clock.instant();
        writing.executeWithoutResult(status -> {
            jdbc.sql(REPLACE_PENDING)
                    .param("now", Timestamp.from(now))
                    .param("contact", contactId)
                    .update();
            jdbc.sql(INSERT)
                    .param("id", Ids.newId())
                    .param("contact", contactId)
                    .param("party", prepared.contact().accountId())
                    .param("actor", prepared.actor().dbValue())
                    .param("email", prepared.contact().email())
                    .param("hash", token.hash())
                    .param("expires", Timestamp.from(now.plus(validity)))
                    .param("by", me.userId())
                    .param("now", Timestamp.from(now))
                    .update();
        });
    }

    @Override
    @RolesAllowed(AccountPermissions.PORTAL_ACCESS)
    public void disable(UUID contactId) {
        changeUser(contactId, false);
    }

    @Override
    @RolesAllowed(AccountPermissions.PORTAL_ACCESS)
    public void enable(UUID contactId) {
        changeUser(contactId, true);
    }

    private void changeUser(UUID contactId, boolean enable) {
        writing.executeWithoutResult(status -> {
            UUID user = Optional.ofNullable(contact(contactId).portalUserId())
                    .orElseThrow(() -> new PortalRuleException("portal.access.error.no-user"));
            try {
                portalUsers.enable(user, enable);
            } catch (AccessRuleException e) {
                throw new PortalRuleException(e.messageKey(), e.arguments());
            }
        });
    }

    /** What an invitation needs, read and checked before its mail is sent. */
    private record Prepared(PortalContact contact, ActorType actor, OutgoingMail mail) {}

    private Prepared prepare(UUID contactId, String actorType, InvitationToken token, NexoUser me) {
        PortalContact contact = contact(contactId);
        ActorType actor = portalOf(actorType)
                .filter(type -> contact.portals().stream()
                        .anyMatch(portal -> portal.name().equals(type.name())))
                .orElseThrow(() -> new PortalRuleException("portal.access.error.wrong-portal"));
        if (contact.portalUserId() != null) {
            throw new PortalRuleException("portal.access.error.has-user", contact.name());
        }
        if (contact.email() == null || contact.email().isBlank()) {
            throw new PortalRuleException("portal.access.error.no-email", contact.name());
        }
        // Login names are unique across tenants and operators: a taken address could never be accepted.
        if (portalUsers.loginTaken(contact.email())) {
            throw new PortalRuleException("portal.access.error.email-taken", contact.name(), contact.email());
        }
        Locale locale = Translations.supported(Locale.of(Optional.ofNullable(contact.language())
                .or(() -> tenants.currentTenant().map(TenantService.TenantSummary::defaultLocale))
                .orElse("es")));
        String company = brand.current().name();
        String link = links.to(WELCOME_ROUTE + "/" + token.text());
        String subject = translations.getTranslation("portal.access.mail.subject", locale, company);
        String text = translations.getTranslation(
                        "portal.access.mail.body", locale, contact.name(), company, portalName(actor, locale), link)
                + translations.getTranslation(
                        "portal.access.mail.validity", locale, validity.toHours(), me.displayName());
        OutgoingMail mail = new OutgoingMail(List.of(contact.email()), List.of(), me.email(), subject, text, List.of());
        return new Prepared(contact, actor, mail);
    }

    private String portalName(ActorType actor, Locale locale) {
        return switch (actor) {
            case CLIENT -> translations.getTranslation("portal.access.portal.client", locale);
            case SUPPLIER -> translations.getTranslation("portal.access.portal.supplier", locale);
            default -> translations.getTranslation("portal.access.portal.professional", locale);
        };
    }

    private PortalContact contact(UUID contactId) {
        return contacts.find(contactId).orElseThrow(() -> new PortalRuleException("portal.access.error.contact-gone"));
    }

    private static Optional<ActorType> portalOf(String actorType) {
        try {
            return Optional.ofNullable(actorType).map(ActorType::valueOf).filter(ActorType::isExternal);
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    // --- The welcome page (anonymous: the token is the credential) ----------------------------------

    /** What the link with this token stands for; never an exception for a bad token. */
    @PermitAll
    public Invitation check(String token) {
        return InvitationToken.parse(token)
                .map(parsed -> TenantContext.callAsSystem(
                        parsed.tenantId(),
                        null,
                        () -> reading.execute(status -> find(parsed, false)
                                .map(found -> found.status() == Invitation.Status.VALID
                                        ? new Invitation(
                                                Invitation.Status.VALID,
                                                found.contact().name(),
                                                found.email(),
                                                found.contact().language())
                                        : Invitation.of(found.status()))
                                .orElse(Invitation.of(Invitation.Status.UNKNOWN)))))
                .orElse(Invitation.of(Invitation.Status.UNKNOWN));
    }

    /**
     * Accepts the invitation: creates the contact's portal user with this password (the password
     * policy applies), links it to the contact and uses the link up. Returns the address to log in
     * with. A link that cannot be accepted gives {@link PortalRuleException} with the message of
     * its {@link Invitation.Status}; a password the policy refuses, with the policy's message.
     */
    @PermitAll
    public String accept(String token, String password) {
        InvitationToken parsed = InvitationToken.parse(token).orElseThrow(() -> refusal(Invitation.Status.UNKNOWN));
        return TenantContext.callAsSystem(
                parsed.tenantId(),
                null,
                () -> writing.execute(status -> {
                    Found found = find(parsed, true).orElseThrow(() -> refusal(Invitation.Status.UNKNOWN));
                    if (found.status() != Invitation.Status.VALID) {
                        throw refusal(found.status());
                    }
                    UUID user;
                    try {
                        user = users.createUser(new UserService.NewUser(
                                found.email(),
                                found.contact().name(),
                                found.actor(),
                                found.contact().accountId(),
                                Set.of(),
                                password,
                                found.contact().language()));
                    } catch (AccessRuleException e) {
                        throw new PortalRuleException(e.messageKey(), e.arguments());
                    }
                    int accepted = jdbc.sql(ACCEPT)
                            .param("now", Timestamp.from(clock.instant()))
                            .param("user", user)
                            .param("id", found.id())
                            .update();
                    if (accepted != 1) {
                        // Accepted or replaced by a request that committed since this one read it.
                        throw refusal(Invitation.Status.USED);
                    }
                    contacts.linkPortalUser(found.contact().id(), user);
                    return found.email();
                }));
    }

    /** The refusal of a link that cannot be accepted, with its status's message. */
    static PortalRuleException refusal(Invitation.Status status) {
        String messageKey = switch (status) {
            case EXPIRED -> "portal.welcome.status.expired";
            case REPLACED -> "portal.welcome.status.replaced";
            case USED -> "portal.welcome.status.used";
            case UNKNOWN, VALID -> "portal.welcome.status.unknown";
        };
        return new PortalRuleException(messageKey);
    }

    /** An invitation found by its token, with where it stands now. */
    private record Found(UUID id, PortalContact contact, ActorType actor, String email, Invitation.Status status) {}

    private Optional<Found> find(InvitationToken token, boolean lock) {
        record Row(
                UUID id,
                UUID contactId,
                String actor,
                String email,
                Instant expiresAt,
                boolean replaced,
                boolean accepted) {}
        // Accepting locks the row: two clicks on one link create one user, the other reads it used.
        Optional<Row> row = jdbc.sql(lock ? BY_TOKEN + " FOR UPDATE" : BY_TOKEN)
                .param("hash", token.hash())
                .query((rs, n) -> new Row(
                        rs.getObject("id", UUID.class),
                        rs.getObject("contact_id", UUID.class),
                        rs.getString("actor_type"),
                        rs.getString("email"),
                        rs.getTimestamp("expires_at").toInstant(),
                        rs.getTimestamp("replaced_at") != null,
                        rs.getTimestamp("accepted_at") != null))
                .optional();
        return row.flatMap(found -> contacts.find(found.contactId()).map(contact -> {
            Invitation.Status status;
            if (found.accepted() || contact.portalUserId() != null) {
                status = Invitation.Status.USED;
            } else if (found.replaced()) {
                status = Invitation.Status.REPLACED;
            } else if (!found.expiresAt().isAfter(clock.instant())) {
                status = Invitation.Status.EXPIRED;
            } else {
                status = Invitation.Status.VALID;
            }
            return new Found(found.id(), contact, ActorType.fromDbValue(found.actor()), found.email(), status);
        }));
    }
}
