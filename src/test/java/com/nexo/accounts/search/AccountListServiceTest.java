package com.nexo.accounts.search;

import static com.nexo.accounts.AccountFixtures.SALES;
import static com.nexo.accounts.AccountFixtures.company;
import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.accounts.account.AccountForm;
import com.nexo.accounts.account.AccountRole;
import com.nexo.accounts.account.AccountService;
import com.nexo.base.paging.CountEstimate;
import com.nexo.base.paging.Page;
import com.nexo.base.paging.PageCursor;
import com.nexo.base.paging.Sort;
import com.nexo.testing.LoggedIn;
import com.nexo.testing.NexoSpringTest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Account lists and the quick search on the real database, as a real user of the demo tenant. */
@NexoSpringTest
class AccountListServiceTest {

    @Autowired
    private AccountService accounts;

    @Autowired
    private AccountListService lists;

    @Autowired
    private AccountSearch search;

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
    void the_quick_search_ignores_accents_and_case_finds_parts_of_words_and_tolerates_a_typo() {
        AccountForm form = company("Peñalver Construcciones Ñandú " + tag + ", S.L.");
        form.setPhones(List.of("+34 976 55 44 33"));
        form.setEmails(List.of("obras@penalver-" + tag + ".es"));
        UUID id = as(SALES, () -> accounts.create(form));

        for (String query : List.of(
                "penalver " + tag, // no accent
                "PEÑALVER " + tag, // case
                "constru " + tag, // part of a word
                "construciones " + tag, // a typo (missing letter)
                "nandu " + tag,
                "976554433", // phone digits
                "obras@penalver-" + tag)) {
            assertThat(as(SALES, () -> lists.quickSearch(query, 10)))
                    .as(query)
                    .extracting(AccountRow::id)
                    .contains(id);
        }
        assertThat(as(SALES, () -> lists.quickSearch("zzzqqq " + tag, 10))).isEmpty();
    }

    @Test
    void pages_follow_one_another_without_gaps_or_repeats_in_both_directions() {
        String tagName = "paging-" + tag;
        for (int i = 0; i < 7; i++) {
            AccountForm form = company("Página " + tag + " " + (char) ('A' + i));
            form.setTags(Set.of(tagName));
            form.setRoles(i % 2 == 0 ? EnumSet.of(AccountRole.CLIENT) : EnumSet.of(AccountRole.SUPPLIER));
            as(SALES, () -> accounts.create(form));
        }
        AccountFilter filter = new AccountFilter(Set.of(), tagName, null, AccountFilter.Status.ACTIVE, null);
        for (Sort<AccountSort> sort : List.of(
                AccountSort.byName(),
                Sort.descending(AccountSort.NAME),
                Sort.ascending(AccountSort.CODE),
                Sort.descending(AccountSort.UPDATED),
                Sort.ascending(AccountSort.CREATED))) {
            AccountQuery query = new AccountQuery(filter, sort);
            List<UUID> paged = new ArrayList<>();
            PageCursor cursor = null;
            do {
                PageCursor after = cursor;
                Page<AccountRow> page = as(SALES, () -> lists.page(query, after, 3));
                page.rows().forEach(row -> paged.add(row.id()));
                cursor = page.next();
            } while (cursor != null);
            List<UUID> whole =
                    firstPage(query, 100).stream().map(AccountRow::id).toList();
            assertThat(paged)
                    .as(sort.toString())
                    .hasSize(7)
                    .doesNotHaveDuplicates()
                    .isEqualTo(whole);
        }
        assertThat(firstPage(new AccountQuery(filter, AccountSort.byName()), 100))
                .extracting(AccountRow::legalName)
                .isSorted();
        AccountFilter suppliers =
                new AccountFilter(Set.of(AccountRole.SUPPLIER), tagName, null, AccountFilter.Status.ACTIVE, null);
        assertThat(as(SALES, () -> lists.count(suppliers))).isEqualTo(new CountEstimate(3, true, 1000));
    }

    @Test
    void keys_of_listed_rows_are_unique() {
        Set<UUID> seen = new HashSet<>();
        for (AccountRow row : firstPage(AccountQuery.active(), 200)) {
            assertThat(seen.add(row.id())).isTrue();
        }
    }

    @Test
    void relevance_pages_of_a_search_follow_one_another_by_position() {
        for (char letter = 'A'; letter < 'F'; letter++) {
            String name = "Relevancia " + tag + " " + letter;
            as(SALES, () -> accounts.create(company(name)));
        }
        AccountQuery query = new AccountQuery(AccountFilter.search("relevancia " + tag), AccountSort.relevance());
        Page<AccountRow> first = as(SALES, () -> lists.page(query, null, 2));
        Page<AccountRow> second = as(SALES, () -> lists.page(query, first.next(), 2));
        Page<AccountRow> third = as(SALES, () -> lists.page(query, second.next(), 2));

        List<UUID> paged = new ArrayList<>();
        List.of(first, second, third).forEach(page -> page.rows().forEach(row -> paged.add(row.id())));
        assertThat(paged).hasSize(5).doesNotHaveDuplicates();
        assertThat(third.hasMore()).isFalse();
        assertThat(as(SALES, () -> lists.count(query.filter()))).isEqualTo(new CountEstimate(5, true, 5000));
    }

    @Test
    void a_search_word_too_long_to_index_is_ignored_instead_of_failing() {
        UUID id = as(SALES, () -> accounts.create(company("Palabra Larga " + tag)));
        String longWord = "x".repeat(3000);

        assertThat(as(SALES, () -> lists.quickSearch("larga " + tag + " " + longWord, 10)))
                .extracting(AccountRow::id)
                .containsExactly(id);
        assertThat(as(SALES, () -> lists.quickSearch(longWord, 10))).isEmpty();
        AccountFilter filter = AccountFilter.search(longWord);
        assertThat(filter.hasOverlongWord()).isTrue();
        assertThat(filter.words()).isEmpty();
        assertThat(as(SALES, () -> lists.count(AccountFilter.search(tag + " " + longWord)))
                        .value())
                .isEqualTo(1);
        assertThat(as(SALES, () -> lists.page(new AccountQuery(filter, AccountSort.relevance()), null, 5))
                        .rows())
                .isNotEmpty(); // the word is left out: the list is the unfiltered one
    }

    @Test
    void a_nul_or_other_control_character_in_the_search_separates_words_instead_of_failing() {
        UUID id = as(SALES, () -> accounts.create(company("Caracter Nulo " + tag)));

        assertThat(as(SALES, () -> lists.quickSearch("nulo\0" + tag, 10)))
                .extracting(AccountRow::id)
                .containsExactly(id);
        assertThat(AccountFilter.search("a\0b").text()).isEqualTo("a b");
    }

    @Test
    void the_benchmark_catches_the_very_statements_the_list_sends() {
        CapturedStatement search = CapturedStatement.of(client -> this.search.read(
                new AccountQuery(AccountFilter.search("ferret gallega"), AccountSort.relevance()), null, 20, client));
        CapturedStatement deep = CapturedStatement.of(
                client -> this.search.read(AccountQuery.active(), new PageCursor("m", UUID.randomUUID()), 50, client));

        assertThat(search.sql())
                .contains("FROM nexo_account_search(", "JOIN account a ON a.id = s.id", "NOT a.archived")
                .contains("ORDER BY s.score DESC, a.name_key, a.id LIMIT");
        assertThat(search.params()).containsEntry("textCap", 21).containsKey("words");
        assertThat(deep.sql())
                .contains("FROM account a WHERE NOT a.archived AND (a.name_key, a.id) >")
                .contains("ORDER BY a.name_key, a.id LIMIT");
    }

    private List<AccountRow> firstPage(AccountQuery query, int limit) {
        return as(SALES, () -> lists.page(query, null, limit)).rows();
    }
}
