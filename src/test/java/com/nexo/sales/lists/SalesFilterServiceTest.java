package com.nexo.sales.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.accounts.account.AccountService;
import com.nexo.base.paging.Sort;
import com.nexo.sales.SalesRuleException;
import com.nexo.sales.documents.DocumentKind;
import com.nexo.sales.documents.DocumentStatus;
import com.nexo.sales.documents.SalesDocumentService;
import com.nexo.testing.NexoSpringTest;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Saved filters of the sales lists, in the same store as the account list's: each user's own, one set
 * per kind of document, every part of the filter and the sort coming back.
 */
@NexoSpringTest
class SalesFilterServiceTest {

    @Autowired
    private UserDetailsService users;

    @Autowired
    private AccountService accounts;

    @Autowired
    private SalesDocumentService documents;

    @Autowired
    private SalesFilterService filters;

    private SalesListFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new SalesListFixtures(users, accounts, documents);
    }

    @Test
    void a_saved_filter_comes_back_whole_for_its_user_and_list_only() {
        SalesFilter filter = new SalesFilter(
                DocumentKind.INVOICE,
                DocumentStatus.ISSUED,
                false,
                LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 3, 31),
                UUID.randomUUID(),
                UUID.randomUUID(),
                "acero");
        SavedSalesFilter saved = fixtures.asSales(
                () -> filters.saveFilter("Primer trimestre " + fixtures.tag, filter, Sort.ascending(SalesSort.TOTAL)));

        assertThat(fixtures.asSales(() -> filters.savedFilters(DocumentKind.INVOICE)))
                .filteredOn(f -> f.id().equals(saved.id()))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.filter()).isEqualTo(filter);
                    assertThat(f.sort()).isEqualTo(Sort.ascending(SalesSort.TOTAL));
                });
        assertThat(fixtures.asSales(() -> filters.savedFilters(DocumentKind.CORRECTIVE)))
                .as("corrective invoices share the invoice list")
                .extracting(SavedSalesFilter::id)
                .contains(saved.id());
        assertThat(fixtures.asSales(() -> filters.savedFilters(DocumentKind.QUOTE)))
                .extracting(SavedSalesFilter::id)
                .doesNotContain(saved.id());
        assertThat(fixtures.as(SalesListFixtures.READ_ONLY, () -> filters.savedFilters(DocumentKind.INVOICE)))
                .extracting(SavedSalesFilter::id)
                .doesNotContain(saved.id());

        fixtures.as(SalesListFixtures.READ_ONLY, () -> {
            filters.deleteSavedFilter(DocumentKind.INVOICE, saved.id());
            return null;
        });
        assertThat(fixtures.asSales(() -> filters.savedFilters(DocumentKind.INVOICE)))
                .as("another user cannot delete it")
                .extracting(SavedSalesFilter::id)
                .contains(saved.id());
        fixtures.asSales(() -> {
            filters.deleteSavedFilter(DocumentKind.INVOICE, saved.id());
            return null;
        });
        assertThat(fixtures.asSales(() -> filters.savedFilters(DocumentKind.INVOICE)))
                .extracting(SavedSalesFilter::id)
                .doesNotContain(saved.id());
    }

    @Test
    void the_same_name_replaces_and_a_bad_name_is_refused() {
        String name = "Caducados " + fixtures.tag;
        SalesFilter expired = new SalesFilter(DocumentKind.QUOTE, null, true, null, null, null, null, null);
        fixtures.asSales(() -> filters.saveFilter(name, SalesFilter.all(DocumentKind.QUOTE), null));
        fixtures.asSales(() -> filters.saveFilter(name, expired, null));

        assertThat(fixtures.asSales(() -> filters.savedFilters(DocumentKind.QUOTE)))
                .filteredOn(f -> f.name().equals(name))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.filter()).isEqualTo(expired);
                    assertThat(f.sort()).isEqualTo(SalesSort.newestFirst());
                });
        assertThatThrownBy(() -> fixtures.asSales(() -> filters.saveFilter(" ", expired, null)))
                .isInstanceOfSatisfying(
                        SalesRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("sales.list.saved-filters.name-required"));
        assertThatThrownBy(() -> fixtures.asSales(() -> filters.saveFilter("Nul\0", expired, null)))
                .isInstanceOfSatisfying(
                        SalesRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("sales.validation.control-characters"));
    }
}
