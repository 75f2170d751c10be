package com.nexo.sales.documents;

import com.nexo.sales.QuoteState;
import com.nexo.sales.SalesPermissions;
import com.nexo.sales.SalesQuotes;
import com.nexo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link SalesQuotes} through the draft service: the quote is made as the back office makes one. */
@Service
class QuotesForOtherModules implements SalesQuotes {

    private static final int REFERENCE_LENGTH = 60;

    private final SalesDocumentService documents;
    private final DocumentStore store;

    QuotesForOtherModules(SalesDocumentService documents, DocumentStore store) {
        this.documents = documents;
        this.store = store;
    }

    @Override
    @Transactional
    @RolesAllowed(SalesPermissions.CREATE)
    public UUID createQuote(UUID accountId, UUID contactId, String reference) {
        DocumentForm form = documents.newForm(DocumentKind.QUOTE, accountId);
        if (contactId != null) {
            form.setContactId(contactId);
        }
        if (reference != null && !reference.isBlank()) {
            String stripped = reference.strip();
            form.setClientReference(
                    stripped.length() > REFERENCE_LENGTH ? stripped.substring(0, REFERENCE_LENGTH) : stripped);
        }
        return documents.save(form);
    }

    @Override
    @Transactional(readOnly = true)
    @RolesAllowed({SalesPermissions.READ, Roles.SYSTEM})
    public Optional<QuoteState> quote(UUID quoteId) {
        return store.find(quoteId)
                .filter(document -> document.kind() == DocumentKind.QUOTE)
                .map(quote -> new QuoteState(
                        quote.id(),
                        quote.number(),
                        quote.status().name(),
                        quote.status().key(),
                        quote.baseAmount(),
                        quote.currency(),
                        quote.validUntil()));
    }
}
