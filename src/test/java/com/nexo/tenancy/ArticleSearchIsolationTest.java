package com.nexo.tenancy;

import static com.nexo.tenancy.IsolationSupport.bind;
import static com.nexo.tenancy.IsolationSupport.connect;
import static com.nexo.tenancy.IsolationSupport.count;
import static com.nexo.tenancy.IsolationSupport.ids;
import static com.nexo.tenancy.IsolationSupport.inTransaction;
import static com.nexo.tenancy.IsolationSupport.newTenant;
import static com.nexo.tenancy.IsolationSupport.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.tenancy.IsolationSupport.TestTenant;
import com.nexo.testing.NexoSpringTest;
import com.nexo.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The article quick search (migration V16) runs as the owner and reads the shared word dictionary
 * itself: it must return only ids of the context's tenant, correct typos only with that tenant's
 * words, and answer nothing to portal actors or without a context. Raw JDBC as the application role.
 */
@NexoSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArticleSearchIsolationTest {

    private static final String SEARCH = "SELECT id FROM nexo_article_search(?, NULL, 50, 0.5)";
    private static final String WORDS = "SELECT count(*) FROM search_word WHERE kind = 'article' AND word = ?";

    private TestTenant owner;
    private TestTenant other;
    private final UUID ownerArticle = UUID.randomUUID();
    private final UUID otherArticle = UUID.randomUUID();

    @BeforeAll
    void oneArticleInEachOfTwoTenants() throws SQLException {
        owner = newTenant();
        other = newTenant();
        inTransaction(owner.asEmployee(), db -> {
            insertArticle(db, ownerArticle, "ABZ-1", "Abrazadera zincada", "Zinc-plated clamp", "2990000000011");
            return null;
        });
        // Same first word, a word of its own, another code and barcode.
        inTransaction(other.asEmployee(), db -> {
            insertArticle(db, otherArticle, "CRE-9", "Abrazadera con cremallera", "Rack clamp", "2990000000028");
            return null;
        });
    }

    private static void insertArticle(
            Connection db, UUID article, String code, String nameEs, String nameEn, String barcode)
            throws SQLException {
        UUID unit = UUID.randomUUID();
        update(
                db,
                "INSERT INTO unit_of_measure (id, code, name_es, name_en, kind, factor)"
                        + " VALUES (?, 'ud', 'u', 'u', 'count', 1)",
                unit);
        update(
                db,
                "INSERT INTO article (id, code, kind, name_es, name_en, unit_id, barcode)"
                        + " VALUES (?, ?, 'goods', ?, ?, ?, ?)",
                article,
                code,
                nameEs,
                nameEn,
                unit,
                barcode);
    }

    private static Set<UUID> found(DatabaseContext context, String text) throws SQLException {
        return inTransaction(context, db -> ids(db, SEARCH, text));
    }

    @Test
    void the_search_returns_only_articles_of_the_context_tenant() throws SQLException {
        assertThat(found(owner.asEmployee(), "abrazadera")).containsExactly(ownerArticle);
        assertThat(found(owner.asEmployee(), "ABZ-1")).containsExactly(ownerArticle);
        assertThat(found(owner.asEmployee(), "2990000000011")).containsExactly(ownerArticle);
        assertThat(found(other.asEmployee(), "abrazadera")).containsExactly(otherArticle);

        // The other tenant's code, barcode, word and a typo of its word find nothing.
        for (String text : new String[] {"CRE-9", "cre", "2990000000028", "cremallera", "cremalera", "rack"}) {
            assertThat(found(owner.asEmployee(), text)).as(text).isEmpty();
        }
        // The same typo is corrected in the tenant whose word it is.
        assertThat(found(other.asEmployee(), "cremalera")).containsExactly(otherArticle);
    }

    @Test
    void portal_actors_the_operator_and_connections_without_a_context_may_not_call_the_search() throws SQLException {
        DatabaseContext operator = new DatabaseContext(null, UUID.randomUUID(), ActorType.OPERATOR, null);
        for (DatabaseContext outsider : new DatabaseContext[] {owner.asClient(), operator, null}) {
            assertThatThrownBy(() -> found(outsider, "abrazadera"))
                    .as(String.valueOf(outsider))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo(IsolationSupport.INSUFFICIENT_PRIVILEGE);
                        assertThat(e.getMessage()).contains("permission denied for function nexo_article_search");
                    });
        }
    }

    @Test
    void the_name_words_for_typo_correction_stay_in_their_tenant() throws SQLException {
        try (Connection db = connect()) {
            db.setAutoCommit(false);
            bind(db, other.asEmployee());
            assertThat(count(db, WORDS, "cremallera"))
                    .as("the word's own tenant")
                    .isOne();
            db.rollback();
            bind(db, owner.asEmployee());
            assertThat(count(db, WORDS, "cremallera")).as("another tenant").isZero();
            assertThat(count(db, WORDS, "zincada")).isOne();
            db.rollback();
            bind(db, owner.asClient());
            IsolationSupport.assertRefusedByGrant(db, "search_word", WORDS, "zincada");
            db.rollback();
        }
    }

    @Test
    void the_dictionary_helpers_that_take_a_tenant_are_not_the_application_roles_to_call() throws SQLException {
        try (Connection db = connect()) {
            db.setAutoCommit(false);
            bind(db, owner.asEmployee());
            for (String function : new String[] {
                "nexo_search_word_term(uuid,text,text)", "nexo_search_word_corrections(uuid,text,text)"
            }) {
                assertThat(count(
                                db,
                                "SELECT count(*) FROM pg_proc WHERE oid = CAST(? AS regprocedure)"
                                        + " AND has_function_privilege(?, oid, 'EXECUTE')",
                                function,
                                TestDatabase.APP_ROLE))
                        .as(function)
                        .isZero();
            }
            assertThatThrownBy(() -> count(
                            db,
                            "SELECT cardinality(nexo_search_word_corrections(?, 'article', 'cremalera'))",
                            other.id()))
                    .isInstanceOfSatisfying(
                            SQLException.class,
                            e -> assertThat(e.getSQLState()).isEqualTo(IsolationSupport.INSUFFICIENT_PRIVILEGE));
            db.rollback();
        }
    }
}
