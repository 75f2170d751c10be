package com.nexo.crm.conversion;

import com.nexo.accounts.AccountDirectory;
import com.nexo.accounts.PartyMatches;
import com.nexo.crm.CrmPermissions;
import com.nexo.crm.leads.LeadDetails;
import com.nexo.crm.leads.LeadDuplicate;
import com.nexo.crm.leads.LeadRuleException;
import com.nexo.crm.leads.LeadService;
import com.nexo.history.ChangeHistory;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Converts a qualified lead into an account, a contact and an opportunity, in one transaction:
 * either into the existing account or contact it matches (merge) or into new ones made from its
 * values; the lead becomes CONVERTED with the ids. Every change of the transaction carries the note
 * {@value LeadService#CONVERSION_NOTE}, so the lead's and the account's histories show the conversion.
 * Needs {@link CrmPermissions#CONVERT}; creating the account or contact also needs the accounts
 * module's own permissions.
 */
@Service
public class LeadConversionService {

    private final LeadService leads;
    private final PartyMatches parties;
    private final AccountDirectory accounts;
    private final ChangeHistory history;
    private final OpportunityFromLead opportunities;

    LeadConversionService(
            LeadService leads,
            PartyMatches parties,
            AccountDirectory accounts,
            ChangeHistory history,
            OpportunityFromLead opportunities) {
        this.leads = leads;
        this.parties = parties;
        this.accounts = accounts;
        this.history = history;
        this.opportunities = opportunities;
    }

    /** The accounts and contacts the lead may be merged into (those of its duplicates that still exist). */
    @Transactional(readOnly = true)
    @RolesAllowed(CrmPermissions.CONVERT)
    public ConversionChoices choices(UUID leadId) {
        LeadDetails lead = leads.get(leadId);
        Map<UUID, String> accountNames = new LinkedHashMap<>();
        List<ConversionChoices.ContactChoice> contacts = new ArrayList<>();
        for (LeadDuplicate duplicate : lead.duplicates()) {
            if (duplicate.kind() == LeadDuplicate.Kind.ACCOUNT) {
                accountNames.putIfAbsent(duplicate.id(), duplicate.name());
            } else if (duplicate.kind() == LeadDuplicate.Kind.CONTACT) {
                parties.contact(duplicate.id()).ifPresent(contact -> {
                    contacts.add(new ConversionChoices.ContactChoice(
                            contact.id(), contact.accountId(), contact.name(), contact.accountName()));
                    accountNames.putIfAbsent(contact.accountId(), contact.accountName());
                });
            }
        }
        Map<UUID, String> existing = accounts.namesOf(accountNames.keySet());
        List<ConversionChoices.AccountChoice> accountChoices = accountNames.keySet().stream()
                .filter(existing::containsKey)
                .map(id -> new ConversionChoices.AccountChoice(id, existing.get(id)))
                .toList();
        return new ConversionChoices(accountChoices, List.copyOf(contacts));
    }

    /** Converts the lead as asked; refused, with nothing changed, when the lead changed or is closed. */
    @Transactional
    @RolesAllowed(CrmPermissions.CONVERT)
    public ConversionResult convert(ConversionRequest request) {
        LeadDetails lead = leads.get(request.leadId());
        if (!lead.status().open()) {
            throw new LeadRuleException("crm.leads.error.closed");
        }
        if (lead.version() != request.version()) {
            throw new LeadRuleException("crm.leads.error.conflict");
        }
        history.noteForThisTransaction(LeadService.CONVERSION_NOTE);
        UUID accountId = request.accountId();
        if (accountId == null) {
            accountId = parties.createAccount(new PartyMatches.NewParty(
                    lead.personName(), lead.companyName(), lead.email(), lead.phone(), lead.taxId(), lead.ownerId()));
        } else if (accounts.namesOf(List.of(accountId)).isEmpty()) {
            throw new LeadRuleException("crm.conversion.error.account-gone");
        }
        UUID contactId = request.contactId();
        if (contactId != null) {
            UUID account = accountId;
            Optional<PartyMatches.ContactRef> contact = parties.contact(contactId);
            if (contact.isEmpty() || !Objects.equals(contact.get().accountId(), account)) {
                throw new LeadRuleException("crm.conversion.error.contact-elsewhere");
            }
        } else if (lead.personName() != null) {
            contactId = parties.addContact(accountId, lead.personName(), lead.email(), lead.phone());
        }
        UUID opportunityId =
                request.withOpportunity() ? opportunities.create(lead, request, accountId, contactId) : null;
        leads.markConverted(lead.id(), lead.version(), accountId, contactId, opportunityId);
        return new ConversionResult(accountId, contactId, opportunityId);
    }
}
