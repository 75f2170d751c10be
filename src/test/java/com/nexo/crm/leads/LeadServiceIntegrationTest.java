package com.nexo.crm.leads;

import static com.nexo.crm.CrmLeadFixtures.lead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.accounts.AccountFixtures;
import com.nexo.accounts.account.AccountForm;
import com.nexo.accounts.account.AccountService;
import com.nexo.accounts.contacts.ContactForm;
import com.nexo.accounts.contacts.ContactService;
import com.nexo.crm.CrmLeadFixtures;
import com.nexo.crm.CrmPermissions;
import com.nexo.security.NexoUser;
import com.nexo.testing.NexoSpringTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

/**
 * Leads through their service as the application role: creation with the values given, refusals of
 * bad input, duplicates against another lead, an account and a contact, edits that name their
 * version, disqualifying and reopening, what a salesperson sees with visibility own, team and all,
 * and another tenant seeing nothing.
 */
@NexoSpringTest
class LeadServiceIntegrationTest {

    @Autowired
    private ApplicationContext context;

    @Autowired
    private LeadService leads;

    @Autowired
    private AccountService accounts;

    @Autowired
    private ContactService contacts;

    private CrmLeadFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new CrmLeadFixtures(context);
    }

    @Test
    void a_lead_is_created_with_its_values_and_listed_first_with_its_filters() {
        LeadForm form = lead(null);
        form.setPhone("+34 600 111 222");
        form.setSource(LeadSource.REFERRAL);
        form.setInterest("Quiere 200 sillas");
        form.setTags("Feria, sillas, feria");
        form.setEmail("  " + form.getEmail().toUpperCase() + " ");
        UUID id = fixtures.as(CrmLeadFixtures.SALES, () -> leads.create(form));

        LeadDetails lead = fixtures.as(CrmLeadFixtures.SALES, () -> leads.get(id));
        assertThat(lead.personName()).isEqualTo(form.getPersonName());
        assertThat(lead.email()).isEqualTo(form.getEmail().strip().toLowerCase());
        assertThat(lead.status()).isEqualTo(LeadStatus.NEW);
        assertThat(lead.source()).isEqualTo(LeadSource.REFERRAL);
        assertThat(lead.tags()).containsExactly("feria", "sillas");
        assertThat(lead.duplicates()).isEmpty();

        List<LeadRow> first = fixtures.as(
                        CrmLeadFixtures.SALES,
                        () -> leads.page(new LeadFilter(LeadStatus.NEW, null, LeadSource.REFERRAL, null), null, 5))
                .rows();
        assertThat(first).extracting(LeadRow::id).first().isEqualTo(id);
        assertThat(fixtures.as(
                                CrmLeadFixtures.SALES,
                                () -> leads.page(new LeadFilter(null, null, null, form.getCompanyName()), null, 5))
                        .rows())
                .extracting(LeadRow::id)
                .containsExactly(id);
        assertThat(fixtures.as(
                                CrmLeadFixtures.SALES,
                                () -> leads.page(
                                        new LeadFilter(LeadStatus.CONVERTED, null, null, form.getCompanyName()),
                                        null,
                                        5))
                        .rows())
                .isEmpty();
    }

    @Test
    void a_lead_without_a_person_or_company_or_with_a_bad_email_is_refused_with_the_field_named() {
        LeadForm nameless = lead(null);
        nameless.setPersonName(" ");
        nameless.setCompanyName(null);
        assertThatThrownBy(() -> fixtures.as(CrmLeadFixtures.SALES, () -> leads.create(nameless)))
                .isInstanceOfSatisfying(LeadRuleException.class, e -> {
                    assertThat(e.field()).isEqualTo("personName");
                    assertThat(e.messageKey()).isEqualTo("crm.leads.validation.name-required");
                });
        LeadForm badEmail = lead(null);
        badEmail.setEmail("not an address");
        assertThatThrownBy(() -> fixtures.as(CrmLeadFixtures.SALES, () -> leads.create(badEmail)))
                .isInstanceOfSatisfying(LeadRuleException.class, e -> {
                    assertThat(e.field()).isEqualTo("email");
                    assertThat(e.messageKey()).isEqualTo("crm.leads.validation.email");
                });
    }

    @Test
    void a_lead_with_the_email_or_phone_of_another_lead_is_flagged_as_its_duplicate() {
        LeadForm first = lead(null);
        first.setPhone("600 123 " + (100 + (int) (Math.random() * 899)));
        UUID firstId = fixtures.as(CrmLeadFixtures.SALES, () -> leads.create(first));

        LeadForm again = lead(null);
        again.setEmail(first.getEmail().toUpperCase());
        UUID againId = fixtures.as(CrmLeadFixtures.SALES, () -> leads.create(again));
        assertThat(fixtures.as(CrmLeadFixtures.SALES, () -> leads.get(againId)).duplicates())
                .singleElement()
                .satisfies(duplicate -> {
                    assertThat(duplicate.kind()).isEqualTo(LeadDuplicate.Kind.LEAD);
                    assertThat(duplicate.id()).isEqualTo(firstId);
                    assertThat(duplicate.reasons()).containsExactly("SAME_EMAIL");
                });

        LeadForm samePhone = lead(null);
        samePhone.setPhone("+34 " + first.getPhone());
        samePhone.setPhone(first.getPhone().replace(" ", "-"));
        UUID phoneId = fixtures.as(CrmLeadFixtures.SALES, () -> leads.create(samePhone));
        assertThat(fixtures.as(CrmLeadFixtures.SALES, () -> leads.get(phoneId)).duplicates())
                .extracting(LeadDuplicate::id)
                .containsExactly(firstId);
        // The first lead, entered before the others, has none.
        assertThat(fixtures.as(CrmLeadFixtures.SALES, () -> leads.get(firstId)).duplicates())
                .isEmpty();
    }

    @Test
    void a_lead_like_an_existing_account_or_contact_is_flagged_with_the_accounts_rules() {
        String company = CrmLeadFixtures.word() + " " + CrmLeadFixtures.word() + " Industrial";
        AccountForm account = AccountFixtures.company(company + " S.A.");
        UUID accountId = fixtures.as(CrmLeadFixtures.ADMIN, () -> accounts.create(account));
        ContactForm contact = AccountFixtures.contact(CrmLeadFixtures.word() + " " + CrmLeadFixtures.word(), true);
        String contactEmail = CrmLeadFixtures.word().toLowerCase() + "@contact.test";
        contact.setEmails(List.of(contactEmail));
        UUID contactId = fixtures.as(CrmLeadFixtures.ADMIN, () -> contacts.addContact(accountId, contact));

        LeadForm likeAccount = new LeadForm();
        likeAccount.setCompanyName(company + " SA");
        UUID first = fixtures.as(CrmLeadFixtures.SALES, () -> leads.create(likeAccount));
        assertThat(fixtures.as(CrmLeadFixtures.SALES, () -> leads.get(first)).duplicates())
                .anySatisfy(duplicate -> {
                    assertThat(duplicate.kind()).isEqualTo(LeadDuplicate.Kind.ACCOUNT);
                    assertThat(duplicate.id()).isEqualTo(accountId);
                    assertThat(duplicate.reasons()).contains("SIMILAR_NAME");
                });

        LeadForm likeContact = new LeadForm();
        likeContact.setPersonName(CrmLeadFixtures.word());
        likeContact.setEmail(contactEmail.toUpperCase());
        UUID second = fixtures.as(CrmLeadFixtures.SALES, () -> leads.create(likeContact));
        assertThat(fixtures.as(CrmLeadFixtures.SALES, () -> leads.get(second)).duplicates())
                .singleElement()
                .satisfies(duplicate -> {
                    assertThat(duplicate.kind()).isEqualTo(LeadDuplicate.Kind.CONTACT);
                    assertThat(duplicate.id()).isEqualTo(contactId);
                    assertThat(duplicate.accountId()).isEqualTo(accountId);
                    assertThat(duplicate.reasons()).containsExactly("SAME_EMAIL");
                });
    }

    @Test
    void an_edit_on_a_stale_version_is_refused_and_a_lead_is_disqualified_with_a_reason_and_reopened() {
        UUID id = fixtures.as(CrmLeadFixtures.SALES, () -> leads.create(lead(null)));
        LeadForm mine = fixtures.as(CrmLeadFixtures.SALES, () -> leads.get(id).toForm());
        LeadForm theirs = fixtures.as(CrmLeadFixtures.SALES, () -> leads.get(id).toForm());
        theirs.setInterest("Presupuesto para oficinas");
        long saved = fixtures.as(CrmLeadFixtures.SALES, () -> leads.update(theirs));
        assertThat(saved).isEqualTo(mine.getVersion() + 1);

        mine.setInterest("Otra cosa");
        assertThatThrownBy(() -> fixtures.as(CrmLeadFixtures.SALES, () -> leads.update(mine)))
                .isInstanceOfSatisfying(
                        LeadRuleException.class, e -> assertThat(e.messageKey()).isEqualTo("crm.leads.error.conflict"));
        assertThat(fixtures.as(CrmLeadFixtures.SALES, () -> leads.get(id)).interest())
                .isEqualTo("Presupuesto para oficinas");

        assertThatThrownBy(() -> fixtures.as(CrmLeadFixtures.SALES, () -> leads.disqualify(id, " ", saved)))
                .isInstanceOfSatisfying(
                        LeadRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("crm.leads.error.reason-required"));
        long disqualified = fixtures.as(CrmLeadFixtures.SALES, () -> leads.disqualify(id, "Sin presupuesto", saved));
        LeadDetails dropped = fixtures.as(CrmLeadFixtures.SALES, () -> leads.get(id));
        assertThat(dropped.status()).isEqualTo(LeadStatus.DISQUALIFIED);
        assertThat(dropped.disqualifiedReason()).isEqualTo("Sin presupuesto");
        assertThatThrownBy(() -> fixtures.as(CrmLeadFixtures.SALES, () -> leads.update(dropped.toForm())))
                .isInstanceOfSatisfying(
                        LeadRuleException.class, e -> assertThat(e.messageKey()).isEqualTo("crm.leads.error.closed"));

        fixtures.as(CrmLeadFixtures.SALES, () -> leads.reopen(id, disqualified));
        assertThat(fixtures.as(CrmLeadFixtures.SALES, () -> leads.get(id)).status())
                .isEqualTo(LeadStatus.WORKING);
        assertThat(fixtures.as(CrmLeadFixtures.SALES, () -> leads.history(id, 10)))
                .hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void a_salesperson_sees_its_own_leads_its_teams_or_all_as_its_role_allows() {
        String[] work = {CrmPermissions.READ, CrmPermissions.CREATE, CrmPermissions.EDIT};
        NexoUser own = fixtures.employee(work);
        NexoUser teammate = fixtures.employee(work);
        NexoUser leader = fixtures.employee(
                CrmPermissions.READ, CrmPermissions.CREATE, CrmPermissions.EDIT, CrmPermissions.SEE_TEAM);
        NexoUser director = fixtures.employee(CrmPermissions.READ, CrmPermissions.SEE_ALL);
        NexoUser outsider = fixtures.employee(work);
        fixtures.team(own.userId(), teammate.userId(), leader.userId());

        String tag = CrmLeadFixtures.word();
        UUID ownLead = createTagged(own, tag);
        UUID teammateLead = createTagged(teammate, tag);
        UUID outsiderLead = createTagged(outsider, tag);
        LeadForm unowned = lead(null);
        unowned.setCompanyName(tag + " sin dueño");
        UUID unownedLead = fixtures.as(CrmLeadFixtures.ADMIN, () -> leads.create(unowned));

        LeadFilter filter = new LeadFilter(null, null, null, tag);
        assertThat(visible(own, filter)).containsExactly(ownLead);
        assertThat(visible(leader, filter)).containsExactlyInAnyOrder(ownLead, teammateLead, unownedLead);
        assertThat(visible(director, filter))
                .containsExactlyInAnyOrder(ownLead, teammateLead, outsiderLead, unownedLead);

        assertThat(fixtures.as(own, () -> leads.find(teammateLead))).isEmpty();
        assertThat(fixtures.as(leader, () -> leads.find(teammateLead))).isPresent();
        LeadForm stolen = fixtures.as(director, () -> leads.get(outsiderLead).toForm());
        stolen.setInterest("cambiado por otro");
        assertThatThrownBy(() -> fixtures.as(own, () -> leads.update(stolen)))
                .isInstanceOfSatisfying(
                        LeadRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("crm.leads.error.not-found"));
        // Without crm.edit the service refuses before anything is read.
        assertThatThrownBy(() -> fixtures.as(director, () -> leads.update(stolen)))
                .isInstanceOf(AccessDeniedException.class);
    }

    private UUID createTagged(NexoUser owner, String tag) {
        LeadForm form = lead(owner.userId());
        form.setCompanyName(tag + " " + CrmLeadFixtures.word());
        return fixtures.as(owner, () -> leads.create(form));
    }

    private List<UUID> visible(NexoUser user, LeadFilter filter) {
        return fixtures.as(user, () -> leads.page(filter, null, 50)).rows().stream()
                .map(LeadRow::id)
                .toList();
    }

    @Test
    void another_tenant_neither_lists_nor_reads_nor_changes_a_lead() {
        LeadForm form = lead(null);
        UUID id = fixtures.as(CrmLeadFixtures.SALES, () -> leads.create(form));
        assertThat(fixtures.as(CrmLeadFixtures.NORTHWIND_ADMIN, () -> leads.find(id)))
                .isEmpty();
        assertThat(fixtures.as(
                                CrmLeadFixtures.NORTHWIND_ADMIN,
                                () -> leads.page(new LeadFilter(null, null, null, form.getCompanyName()), null, 5))
                        .rows())
                .isEmpty();
        assertThatThrownBy(() -> fixtures.as(CrmLeadFixtures.NORTHWIND_ADMIN, () -> leads.disqualify(id, "x", 0)))
                .isInstanceOfSatisfying(
                        LeadRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("crm.leads.error.not-found"));
        // The same e-mail in another tenant is no duplicate of this one's lead.
        LeadForm elsewhere = lead(null);
        elsewhere.setEmail(form.getEmail());
        UUID other = fixtures.as(CrmLeadFixtures.NORTHWIND_ADMIN, () -> leads.create(elsewhere));
        assertThat(fixtures.as(CrmLeadFixtures.NORTHWIND_ADMIN, () -> leads.get(other))
                        .duplicates())
                .isEmpty();
    }
}
