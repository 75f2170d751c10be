package com.nexo.accounts.search;

import com.nexo.base.paging.ListOrder;
import com.nexo.base.paging.ListQuery;
import com.nexo.base.paging.Sort;
import java.util.List;

/**
 * The SQL of account lists as {@link ListQuery}s: the filter's conditions and the whitelisted orders.
 * Tenant scoping is not here: row-level security adds it to every statement.
 */
final class AccountListQueries {

    /**
     * With search text, the rows come from {@code nexo_account_search} (migrations V8 and V14: under
     * row-level security the search indexes are only usable there), which returns the ids and scores
     * of at most {@code :textCap} matches, the best tier first; the rows themselves are read through
     * row-level security like any other.
     */
    private static final String SEARCH_FROM = """
            nexo_account_search(CAST(:words AS text[]), CAST(:archivedFlag AS boolean), :textCap,\
             CAST(:threshold AS real)) s JOIN account a ON a.id = s.id""";

    private static final String TABLE_FROM = "account a";

    /** Relevance: best score first, then by name; paged by position (the search caps its matches). */
    private static final ListOrder RANKED = ListOrder.ranked("s.score DESC, a.name_key, a.id");

    /**
     * Trigram similarity from which a word of the search corrects to a word of the tenant's account
     * names (a typo). pg_trgm's default (0.6) misses one wrong letter in a nine-letter word
     * ("zaragosana"); 0.5 finds it.
     */
    static final double TYPO_THRESHOLD = 0.5;

    private AccountListQueries() {}

    /** The accounts of {@code filter}; a text search reads at most {@code textCap} matches. */
    static ListQuery of(String columns, AccountFilter filter, int textCap) {
        List<String> words = filter.words();
        ListQuery query = ListQuery.select(columns).from(words.isEmpty() ? TABLE_FROM : SEARCH_FROM);
        switch (filter.status()) {
            case ACTIVE -> query.where("NOT a.archived");
            case ARCHIVED -> query.where("a.archived");
            case ALL -> {
                // no condition
            }
        }
        if (!filter.roles().isEmpty()) {
            query.where(
                    "a.roles && CAST(:roles AS text[])",
                    "roles",
                    filter.roles().stream().map(Enum::name).sorted().toArray(String[]::new));
        }
        if (filter.tag() != null) {
            query.where("a.tags @> ARRAY[CAST(:tag AS text)]", "tag", filter.tag());
        }
        if (filter.ownerId() != null) {
            query.where("a.owner_id = :owner", "owner", filter.ownerId());
        }
        if (!words.isEmpty()) {
            query.param("words", words.toArray(String[]::new))
                    .param(
                            "archivedFlag",
                            switch (filter.status()) {
                                case ACTIVE -> Boolean.FALSE;
                                case ARCHIVED -> Boolean.TRUE;
                                case ALL -> null;
                            })
                    .param("textCap", textCap)
                    .param("threshold", TYPO_THRESHOLD);
        }
        return query;
    }

    /** Whether {@code sort} reads {@code filter}'s rows in search order (paged by position). */
    static boolean ranked(Sort<AccountSort> sort, AccountFilter filter) {
        return sort.by() == AccountSort.RELEVANCE && !filter.words().isEmpty();
    }

    /** The SQL order of a sort; relevance without search text is by name. */
    static ListOrder order(Sort<AccountSort> sort, AccountFilter filter) {
        if (ranked(sort, filter)) {
            return RANKED;
        }
        boolean descending = sort.descending();
        return switch (sort.by()) {
            case NAME -> ListOrder.keyset("a.name_key", "text", "a.id", descending);
            case CODE -> ListOrder.keyset("a.code", "text", "a.id", descending);
            case CREATED -> ListOrder.keyset("a.created_at", "timestamptz", "a.id", descending);
            case UPDATED -> ListOrder.keyset("a.updated_at", "timestamptz", "a.id", descending);
            case RELEVANCE -> ListOrder.keyset("a.name_key", "text", "a.id", false);
        };
    }
}
