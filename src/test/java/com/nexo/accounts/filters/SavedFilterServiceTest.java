package com.nexo.accounts.filters;

import static com.nexo.accounts.AccountFixtures.READ_ONLY;
import static com.nexo.accounts.AccountFixtures.SALES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.accounts.account.AccountRole;
import com.nexo.accounts.account.AccountRuleException;
import com.nexo.accounts.search.AccountFilter;
import com.nexo.accounts.search.AccountSort;
import com.nexo.base.paging.Sort;
import com.nexo.testing.LoggedIn;
import com.nexo.testing.NexoSpringTest;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Saved filters on the real database, as real users of the demo tenant. */
@NexoSpringTest
class SavedFilterServiceTest {

    @Autowired
    private SavedFilterService filters;

    @Autowired
    private UserDetailsService userDetailsService;

    /** Makes names of this test unique, since all tests share one database. */
    private String tag;

    @BeforeEach
    void aFreshTag() {
        tag = UUID.randomUUID().toString().substring(0, 6);
    }

    <T> T as(String email, Supplier<T> work) {
        return LoggedIn.asUser(userDetailsService, email, work);
    }

    @Test
    void saved_filters_belong_to_the_user_who_saved_them() {
        AccountFilter filter =
                new AccountFilter(Set.of(AccountRole.SUPPLIER), "metal", null, AccountFilter.Status.ALL, "acero");
        SavedFilter saved = as(SALES, () -> filters.saveFilter("Proveedores " + tag, filter, AccountSort.byName()));

        assertThat(as(SALES, () -> filters.savedFilters()))
                .filteredOn(f -> f.id().equals(saved.id()))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.filter()).isEqualTo(filter);
                    assertThat(f.sort()).isEqualTo(AccountSort.byName());
                });
        assertThat(as(READ_ONLY, () -> filters.savedFilters()))
                .extracting(SavedFilter::id)
                .doesNotContain(saved.id());

        as(SALES, () -> {
            filters.deleteSavedFilter(saved.id());
            return null;
        });
        assertThat(as(SALES, () -> filters.savedFilters()))
                .extracting(SavedFilter::id)
                .doesNotContain(saved.id());
    }

    @Test
    void a_nul_in_a_filters_name_or_text_is_refused_or_cleaned_and_the_sort_comes_back() {
        assertThatThrownBy(() -> as(SALES, () -> filters.saveFilter("Nulo\0" + tag, AccountFilter.active(), null)))
                .isInstanceOfSatisfying(
                        AccountRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("accounts.validation.control-characters"));

        AccountFilter withNul = AccountFilter.search("acero\0" + tag);
        SavedFilter saved =
                as(SALES, () -> filters.saveFilter("Texto " + tag, withNul, Sort.descending(AccountSort.UPDATED)));

        assertThat(as(SALES, () -> filters.savedFilters()))
                .filteredOn(f -> f.id().equals(saved.id()))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.filter().text()).isEqualTo("acero " + tag);
                    assertThat(f.sort()).isEqualTo(Sort.descending(AccountSort.UPDATED));
                });
    }
}
