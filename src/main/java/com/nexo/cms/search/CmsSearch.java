package com.nexo.cms.search;

import com.nexo.cms.CmsPermissions;
import com.nexo.cms.ContentKind;
import com.nexo.cms.ContentLanguage;
import com.nexo.cms.library.ReaderScope;
import com.nexo.security.CurrentUser;
import com.nexo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Full-text search over titles, summaries, bodies and the text of documents, in Spanish and English
 * (PostgreSQL text search, accents ignored, stems per language), over what the current actor may read:
 * editors everything of the tenant, employees published internal items of their roles, portal actors
 * their audience (by their role's policies).
 *
 * <p>One statement: the query parsed once per language, each text matched with its own language's
 * query (Spanish with both stems of each word, V57) in {@code nexo_cms_search}, where the GIN index on
 * {@code (tenant_id, readers, search)} narrows to the reader's audience (V67) and serves both
 * languages, ranked by {@code ts_rank_cd}; one hit per item (its best language, the reader's first on
 * ties); excerpts made only for the rows returned, from a bounded part of their text.
 */
@Service
public class CmsSearch {

    /** Marks the start of a matched word in {@link SearchHit#excerpt()} (a private-use character). */
    public static final String MATCH_START = "\uE000";
    /** Marks the end of a matched word in {@link SearchHit#excerpt()}. */
    public static final String MATCH_END = "\uE001";

    /** The longest query looked at. */
    static final int MAX_QUERY = 200;
    /** The most hits one search returns. */
    static final int MAX_LIMIT = 100;
    /** How much of a text the excerpt is made from. */
    private static final int EXCERPT_SOURCE = 20_000;

    private final JdbcClient jdbc;
    private final ReaderScope scopes;

    CmsSearch(JdbcClient jdbc, ReaderScope scopes) {
        this.jdbc = jdbc;
        this.scopes = scopes;
    }

    /** The best matches for {@code query} (words; quotes for a phrase), of one kind when given. */
    @Transactional(readOnly = true)
    @RolesAllowed({CmsPermissions.READ, Roles.CLIENT, Roles.SUPPLIER, Roles.PROFESSIONAL})
    public List<SearchHit> search(String query, ContentKind kind, int limit) {
        ContentLanguage language =
                CurrentUser.get().map(user -> ContentLanguage.of(user.locale())).orElse(ContentLanguage.ES);
        return search(query, kind, language, limit);
    }

    /** As {@link #search(String, ContentKind, int)}, preferring the texts of {@code language} on ties. */
    @Transactional(readOnly = true)
    @RolesAllowed({CmsPermissions.READ, Roles.CLIENT, Roles.SUPPLIER, Roles.PROFESSIONAL})
    public List<SearchHit> search(String query, ContentKind kind, ContentLanguage language, int limit) {
        String words = query == null ? "" : query.strip();
        if (words.isEmpty() || limit <= 0) {
            return List.of();
        }
        if (words.length() > MAX_QUERY) {
            words = words.substring(0, MAX_QUERY);
        }
        ReaderScope.Scope scope = scopes.current();
        // Matching and ranking in nexo_cms_search (R__cms_search.sql: the GIN index under row-level
        // security); titles and excerpts read here through row-level security and the reader's scope.
        String sql =
                "WITH q AS (SELECT websearch_to_tsquery('nexo_es', :q) || websearch_to_tsquery('spanish', :q) AS es,"
                        + "                   websearch_to_tsquery('nexo_en', :q) AS en)"
                        + " SELECT b.hit_item, i.kind, b.hit_lang, b.hit_rank, t.title,"
                        + "   ts_headline(CASE b.hit_lang WHEN 'es' THEN 'spanish'::regconfig ELSE 'nexo_en'::regconfig END,"
                        + "     left(concat_ws(' ', t.summary, nullif(t.body_md, ''), t.file_text), :source),"
                        + "     CASE b.hit_lang WHEN 'es' THEN q.es ELSE q.en END,"
                        + "     'MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \", StartSel='"
                        + "       || :start || ', StopSel=' || :stop) AS excerpt"
                        + " FROM nexo_cms_search(:q, CAST(:kind AS text), :lang, :all, CAST(:roles AS uuid[]), :limit) b"
                        + " CROSS JOIN q"
                        + " JOIN cms_item i ON i.id = b.hit_item"
                        + " JOIN cms_item_text t ON t.tenant_id = i.tenant_id AND t.item_id = i.id AND t.lang = b.hit_lang"
                        + " WHERE " + scope.itemCondition("i")
                        + " ORDER BY b.hit_rank DESC, b.hit_item";
        return jdbc.sql(sql)
                .param("q", words)
                .param("kind", kind == null ? null : kind.name())
                .param("lang", language.code())
                .param("limit", Math.min(limit, MAX_LIMIT))
                .param("source", EXCERPT_SOURCE)
                .param("start", MATCH_START)
                .param("stop", MATCH_END)
                .param("roles", scope.rolesArray())
                .param("all", scope.editor())
                .query((rs, i) -> new SearchHit(
                        rs.getObject("hit_item", UUID.class),
                        ContentKind.valueOf(rs.getString("kind")),
                        ContentLanguage.fromCode(rs.getString("hit_lang")),
                        rs.getString("title"),
                        rs.getString("excerpt"),
                        rs.getDouble("hit_rank")))
                .list();
    }
}
