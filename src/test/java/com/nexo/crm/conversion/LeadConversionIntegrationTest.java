package com.nexo.crm.conversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.accounts.AccountDirectory;
import com.nexo.accounts.AccountFixtures;
import com.nexo.accounts.PartyMatches;
import com.nexo.accounts.account.AccountService;
import com.nexo.accounts.contacts.ContactForm;
import com.nexo.accounts.contacts.ContactRow;
import com.nexo.accounts.contacts.ContactService;
import com.nexo.crm.CrmFixtures;
import com.nexo.crm.CrmLeadFixtures;
import com.nexo.crm.leads.LeadDetails;
import com.nexo.crm.leads.LeadForm;
import com.nexo.crm.leads.LeadRuleException;
import com.nexo.crm.leads.LeadService;
import com.nexo.crm.leads.LeadStatus;
import com.nexo.crm.opportunities.OpportunityService;
import com.nexo.crm.opportunities.OpportunitySummary;
import com.nexo.history.ChangeEntry;
import com.nexo.history.ChangeHistory;
import com.nexo.testing.NexoSpringTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Converting leads as the application role: into a new account and contact (and an opportunity), or merged into the
 * account and contact the lead matches; the lead is CONVERTED with the ids and its history and the new
 * account's say so; a stale or closed lead is refused with nothing created.
 */
@NexoSpringTest
class LeadConversionIntegrationTest {

    @Autowired
    private ApplicationContext context;

    @Autowired
    private LeadService leads;

    @Autowired
    private LeadConversionService conversions;

    @Autowired
    private AccountService accounts;

    @Autowired
    private ContactService contacts;

    @Autowired
    private AccountDirectory directory;

    @Autowired
    private ChangeHistory history;

    @Autowired
    private PlatformTransactionManager transactions;

    private CrmLeadFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new CrmLeadFixtures(context);
    }

    private List<ChangeEntry> historyOf(UUID id) {
        return fixtures.as(
                CrmLeadFixtures.ADMIN,
                () -> new TransactionTemplate(transactions).execute(status -> history.timeline(id, null, 20)));
    }

    @Test
    void a_lead_becomes_a_new_account_with_its_person_as_contact_and_is_marked_converted() {
        LeadForm form = CrmLeadFixtures.lead(null);
        form.setPhone("600 555 111");
        UUID leadId = fixtures.as(CrmLeadFixtures.SALES, () -> leads.create(form));
        LeadDetails lead = fixtures.as(CrmLeadFixtures.SALES, () -> leads.get(leadId));

        ConversionResult result = fixtures.as(
                CrmLeadFixtures.SALES,
                () -> conversions.convert(new ConversionRequest(leadId, lead.version(), null, null, null, null, null)));

        assertThat(fixtures.as(CrmLeadFixtures.SALES, () -> directory.namesOf(List.of(result.accountId()))))
                .containsEntry(result.accountId(), form.getCompanyName());
        List<ContactRow> people = fixtures.as(CrmLeadFixtures.SALES, () -> contacts.contacts(result.accountId()));
        assertThat(people).singleElement().satisfies(contact -> {
            assertThat(contact.id()).isEqualTo(result.contactId());
            assertThat(contact.name()).isEqualTo(form.getPersonName());
        });
        LeadDetails converted = fixtures.as(CrmLeadFixtures.SALES, () -> leads.get(leadId));
        assertThat(converted.status()).isEqualTo(LeadStatus.CONVERTED);
        assertThat(converted.convertedAccountId()).isEqualTo(result.accountId());
        assertThat(converted.convertedContactId()).isEqualTo(result.contactId());
        assertThat(converted.convertedAt()).isNotNull();

        assertThat(historyOf(leadId))
                .first()
                .satisfies(entry -> assertThat(entry.note()).isEqualTo(LeadService.CONVERSION_NOTE));
        assertThat(historyOf(result.accountId())).anySatisfy(entry -> {
            assertThat(entry.operation()).isEqualTo("INSERT");
            assertThat(entry.table()).isEqualTo("account");
            assertThat(entry.note()).isEqualTo(LeadService.CONVERSION_NOTE);
        });

        // Converted once: a second conversion is refused and creates nothing.
        assertThatThrownBy(() -> fixtures.as(
                        CrmLeadFixtures.SALES,
                        () -> conversions.convert(
                                new ConversionRequest(leadId, converted.version(), null, null, null, null, null))))
                .isInstanceOfSatisfying(
                        LeadRuleException.class, e -> assertThat(e.messageKey()).isEqualTo("crm.leads.error.closed"));
    }

    @Test
    void a_lead_matching_an_existing_account_and_contact_is_merged_into_them() {
        String company = CrmLeadFixtures.word() + " " + CrmLeadFixtures.word() + " Hostelería";
        UUID accountId = fixtures.as(CrmLeadFixtures.ADMIN, () -> accounts.create(AccountFixtures.company(company)));
        ContactForm person = AccountFixtures.contact("Lucía " + CrmLeadFixtures.word(), true);
        String email = CrmLeadFixtures.word().toLowerCase() + "@hosteleria.test";
        person.setEmails(List.of(email));
        UUID contactId = fixtures.as(CrmLeadFixtures.ADMIN, () -> contacts.addContact(accountId, person));

        LeadForm form = new LeadForm();
        form.setPersonName(person.getName());
        form.setCompanyName(company);
        form.setEmail(email);
        UUID leadId = fixtures.as(CrmLeadFixtures.SALES, () -> leads.create(form));

        ConversionChoices choices = fixtures.as(CrmLeadFixtures.SALES, () -> conversions.choices(leadId));
        assertThat(choices.accounts())
                .extracting(ConversionChoices.AccountChoice::id)
                .containsExactly(accountId);
        assertThat(choices.contacts())
                .extracting(ConversionChoices.ContactChoice::id)
                .containsExactly(contactId);

        LeadDetails lead = fixtures.as(CrmLeadFixtures.SALES, () -> leads.get(leadId));
        // A contact of another account is refused, and nothing is converted.
        UUID otherAccount = fixtures.as(
                CrmLeadFixtures.ADMIN, () -> accounts.create(AccountFixtures.company(CrmLeadFixtures.word())));
        assertThatThrownBy(() -> fixtures.as(
                        CrmLeadFixtures.SALES,
                        () -> conversions.convert(new ConversionRequest(
                                leadId, lead.version(), otherAccount, contactId, null, null, null))))
                .isInstanceOfSatisfying(
                        LeadRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("crm.conversion.error.contact-elsewhere"));
        assertThat(fixtures.as(CrmLeadFixtures.SALES, () -> leads.get(leadId)).status())
                .isEqualTo(LeadStatus.NEW);

        ConversionResult result = fixtures.as(
                CrmLeadFixtures.SALES,
                () -> conversions.convert(
                        new ConversionRequest(leadId, lead.version(), accountId, contactId, null, null, null)));
        assertThat(result.accountId()).isEqualTo(accountId);
        assertThat(result.contactId()).isEqualTo(contactId);
        assertThat(fixtures.as(CrmLeadFixtures.SALES, () -> contacts.contacts(accountId)))
                .hasSize(1);
        LeadDetails converted = fixtures.as(CrmLeadFixtures.SALES, () -> leads.get(leadId));
        assertThat(converted.status()).isEqualTo(LeadStatus.CONVERTED);
        assertThat(converted.convertedAccountId()).isEqualTo(accountId);
    }

    @Test
    void a_lead_converts_with_an_opportunity_of_its_owner_that_refers_to_it() {
        new CrmFixtures(context).pipeline();
        LeadForm form = CrmLeadFixtures.lead(fixtures.userId(CrmLeadFixtures.SALES));
        form.setInterest("Cien sillas de oficina");
        UUID leadId = fixtures.as(CrmLeadFixtures.SALES, () -> leads.create(form));
        LeadDetails lead = fixtures.as(CrmLeadFixtures.SALES, () -> leads.get(leadId));

        ConversionResult result = fixtures.as(
                CrmLeadFixtures.SALES,
                () -> conversions.convert(new ConversionRequest(
                        leadId,
                        lead.version(),
                        null,
                        null,
                        "Sillas " + form.getCompanyName(),
                        new BigDecimal("12500.00"),
                        LocalDate.of(2027, 3, 31))));

        assertThat(result.opportunityId()).isNotNull();
        OpportunitySummary opportunity = fixtures.as(
                        CrmLeadFixtures.SALES,
                        () -> context.getBean(OpportunityService.class).find(result.opportunityId()))
                .orElseThrow();
        assertThat(opportunity.title()).isEqualTo("Sillas " + form.getCompanyName());
        assertThat(opportunity.accountId()).isEqualTo(result.accountId());
        assertThat(opportunity.amount()).isEqualByComparingTo("12500");
        assertThat(opportunity.ownerId()).isEqualTo(lead.ownerId());
        LeadDetails converted = fixtures.as(CrmLeadFixtures.SALES, () -> leads.get(leadId));
        assertThat(converted.convertedOpportunityId()).isEqualTo(result.opportunityId());
        assertThat(historyOf(result.opportunityId()))
                .anySatisfy(entry -> assertThat(entry.note()).isEqualTo(LeadService.CONVERSION_NOTE));
    }

    @Test
    void a_conversion_on_a_stale_version_is_refused_and_creates_no_account() {
        LeadForm form = CrmLeadFixtures.lead(null);
        UUID leadId = fixtures.as(CrmLeadFixtures.SALES, () -> leads.create(form));
        LeadDetails lead = fixtures.as(CrmLeadFixtures.SALES, () -> leads.get(leadId));
        fixtures.as(CrmLeadFixtures.SALES, () -> leads.startWorking(leadId, lead.version()));
        assertThatThrownBy(() -> fixtures.as(
                        CrmLeadFixtures.SALES,
                        () -> conversions.convert(
                                new ConversionRequest(leadId, lead.version(), null, null, null, null, null))))
                .isInstanceOfSatisfying(
                        LeadRuleException.class, e -> assertThat(e.messageKey()).isEqualTo("crm.leads.error.conflict"));
        assertThat(fixtures.as(
                        CrmLeadFixtures.SALES,
                        () -> context.getBean(PartyMatches.class)
                                .matches(new PartyMatches.Probe(null, form.getCompanyName(), null, null, null))))
                .isEmpty();
    }
}
