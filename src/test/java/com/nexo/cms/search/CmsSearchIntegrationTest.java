package com.nexo.cms.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.cms.ContentKind;
import com.nexo.cms.ContentLanguage;
import com.nexo.cms.library.LibraryFixtures;
import com.nexo.testing.NexoSpringTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The CMS search on the real database as the application role: Spanish without accents and by stem,
 * English stems, one hit per item in its best language, internal roles, drafts for editors only, a
 * client's audience, and nothing of another tenant. Each fixture's items carry a word of their own,
 * added to every query, so other tests' content never answers.
 */
@NexoSpringTest
class CmsSearchIntegrationTest {

    @Autowired
    private ApplicationContext context;

    @Autowired
    private CmsSearch search;

    private LibraryFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new LibraryFixtures(context);
    }

    private List<UUID> found(String email, String words, ContentKind kind) {
        return fx.as(email, () -> search.search(words + " " + fx.tag, kind, 50)).stream()
                .map(SearchHit::itemId)
                .toList();
    }

    private UUID published(String kind, Set<String> audiences, Set<UUID> roles, Map<String, String[]> texts) {
        return fx.item(kind, "PUBLISHED", audiences, roles, null, texts);
    }

    @Test
    void a_spanish_text_about_facturacion_is_found_without_the_accent_and_by_another_form_of_the_word() {
        UUID article = published("ARTICLE", Set.of("internal"), Set.of(), Map.of("es", new String[] {
            "Guía de facturación " + fx.tag, "Cómo se emite cada mes."
        }));

        assertThat(found(fx.seller, "facturacion", null)).containsExactly(article);
        assertThat(found(fx.seller, "facturación", null)).containsExactly(article);
        assertThat(found(fx.seller, "facturas", null)).containsExactly(article);
        assertThat(found(fx.seller, "albaranes", null)).isEmpty();
    }

    @Test
    void english_stems_find_the_singular_by_the_plural_and_the_hit_is_in_the_language_that_matched() {
        UUID article = published(
                "ARTICLE",
                Set.of("internal"),
                Set.of(),
                Map.of(
                        "en", new String[] {"How to send an invoice " + fx.tag, "Every month, one invoice."},
                        "es", new String[] {"Cómo enviar una factura " + fx.tag, "Cada mes."}));

        List<SearchHit> hits = fx.as(fx.seller, () -> search.search("invoices " + fx.tag, null, 10));

        assertThat(hits).singleElement().satisfies(hit -> {
            assertThat(hit.itemId()).isEqualTo(article);
            assertThat(hit.language()).isEqualTo(ContentLanguage.EN);
            assertThat(hit.title()).startsWith("How to send an invoice");
            assertThat(hit.excerpt()).contains(CmsSearch.MATCH_START + "invoice" + CmsSearch.MATCH_END);
        });
    }

    @Test
    void a_phrase_finds_its_words_together_in_that_order_and_a_negated_phrase_excludes_them() {
        UUID together = published("PAGE", Set.of("internal"), Set.of(), Map.of("es", new String[] {
            "Política de privacidad " + fx.tag, "Cómo tratamos los datos."
        }));
        UUID apart = published("PAGE", Set.of("internal"), Set.of(), Map.of("es", new String[] {
            "Privacidad en la política del taller " + fx.tag, "Otra cosa."
        }));

        // The phrase is looked for among the texts with all its words, then checked on their positions.
        assertThat(found(fx.seller, "\"política de privacidad\"", null)).containsExactly(together);
        assertThat(found(fx.seller, "política privacidad", null)).containsExactlyInAnyOrder(together, apart);
        assertThat(found(fx.seller, "privacidad -\"política de privacidad\"", null))
                .containsExactly(apart);
    }

    @Test
    void the_extracted_text_of_a_document_is_searched_and_the_kind_filters() {
        UUID folder = fx.folder("Normativa " + fx.tag, Set.of("internal"));
        UUID document =
                fx.item("DOCUMENT", "PUBLISHED", Set.of("internal"), Set.of(), folder, Map.of("es", new String[] {
                    "Reglamento " + fx.tag, "", "Plazo de garantía de las calderas"
                }));

        assertThat(found(fx.seller, "calderas", ContentKind.DOCUMENT)).containsExactly(document);
        assertThat(found(fx.seller, "calderas", ContentKind.ARTICLE)).isEmpty();
    }

    @Test
    void items_for_chosen_roles_reach_only_holders_of_those_roles_and_editors() {
        UUID forSales = published("NEWS", Set.of("internal"), Set.of(fx.roleId("sales")), Map.of("es", new String[] {
            "Objetivos comerciales " + fx.tag, "Solo ventas."
        }));

        assertThat(found(fx.seller, "objetivos", null)).containsExactly(forSales);
        assertThat(found(fx.buyer, "objetivos", null)).isEmpty();
        assertThat(found(fx.editor, "objetivos", null)).containsExactly(forSales);
    }

    @Test
    void a_document_in_a_folder_for_chosen_readers_is_hidden_from_other_employees() {
        UUID folder = fx.folder("Compras " + fx.tag, Set.of("internal"), Set.of(fx.roleId("purchasing")));
        UUID document =
                fx.item("DOCUMENT", "PUBLISHED", Set.of("internal"), Set.of(), folder, Map.of("es", new String[] {
                    "Condiciones de proveedores " + fx.tag
                }));

        assertThat(found(fx.buyer, "proveedores", null)).containsExactly(document);
        assertThat(found(fx.seller, "proveedores", null)).isEmpty();
    }

    @Test
    void drafts_are_found_by_editors_only() {
        UUID draft = fx.item("PAGE", "DRAFT", Set.of("internal", "clients"), Set.of(), null, Map.of("es", new String[] {
            "Borrador de tarifas " + fx.tag
        }));

        assertThat(found(fx.editor, "tarifas", null)).containsExactly(draft);
        assertThat(found(fx.seller, "tarifas", null)).isEmpty();
        assertThat(found(LibraryFixtures.CLIENT, "tarifas", null)).isEmpty();
    }

    @Test
    void a_client_finds_only_published_items_for_clients() {
        UUID forClients = published(
                "ARTICLE", Set.of("clients"), Set.of(), Map.of("es", new String[] {"Devoluciones de pedidos " + fx.tag
                }));
        published("ARTICLE", Set.of("internal"), Set.of(), Map.of("es", new String[] {"Devoluciones internas " + fx.tag
        }));
        published("ARTICLE", Set.of("suppliers"), Set.of(), Map.of("es", new String[] {
            "Devoluciones a proveedores " + fx.tag
        }));

        assertThat(found(LibraryFixtures.CLIENT, "devoluciones", null)).containsExactly(forClients);
        assertThat(found(fx.seller, "devoluciones", null)).hasSize(1).doesNotContain(forClients);
    }

    @Test
    void the_readers_a_text_carries_follow_its_item_whatever_a_writer_puts_there() {
        UUID item = published(
                "ARTICLE", Set.of("internal"), Set.of(), Map.of("es", new String[] {"Garantía de las calderas " + fx.tag
                }));
        Map<String, Object> id = Map.of("id", item);
        String readers = "SELECT array_to_string(readers, ',') FROM cms_item_text WHERE item_id = :id";

        assertThat(fx.value(readers, id, String.class)).isEqualTo("editors,internal");
        assertThat(found(LibraryFixtures.CLIENT, "calderas", null)).isEmpty();

        // An audience added to the item reaches its texts' readers and so the client's search.
        fx.sql("UPDATE cms_item SET for_clients = true WHERE id = :id", id);
        assertThat(fx.value(readers, id, String.class)).isEqualTo("editors,internal,clients");
        assertThat(found(LibraryFixtures.CLIENT, "calderas", null)).containsExactly(item);

        // A writer cannot widen them by hand: the text's trigger takes its item's again.
        fx.sql(
                "UPDATE cms_item_text SET readers = '{editors,suppliers}', title = title || ' bis' WHERE item_id = :id",
                id);
        assertThat(fx.value(readers, id, String.class)).isEqualTo("editors,internal,clients");

        // Back to a draft, only editors find it.
        fx.sql("UPDATE cms_item SET status = 'DRAFT' WHERE id = :id", id);
        assertThat(fx.value(readers, id, String.class)).isEqualTo("editors");
        assertThat(found(LibraryFixtures.CLIENT, "calderas", null)).isEmpty();
        assertThat(found(fx.seller, "calderas", null)).isEmpty();
        assertThat(found(fx.editor, "calderas", null)).containsExactly(item);
    }

    @Test
    void a_folder_that_comes_to_limit_its_readers_hides_its_documents_from_other_employees_at_once() {
        UUID folder = fx.folder("Calidad " + fx.tag, Set.of("internal"));
        UUID document =
                fx.item("DOCUMENT", "PUBLISHED", Set.of("internal"), Set.of(), folder, Map.of("es", new String[] {
                    "Plan de auditorías " + fx.tag
                }));
        String readers = "SELECT array_to_string(readers, ',') FROM cms_item_text WHERE item_id = :id";

        assertThat(found(fx.seller, "auditorias", null)).containsExactly(document);
        assertThat(fx.value(readers, Map.of("id", document), String.class)).isEqualTo("editors,internal");

        fx.sql(
                "UPDATE cms_folder SET reader_roles = CAST(:roles AS uuid[]) WHERE id = :id",
                Map.of("id", folder, "roles", "{" + fx.roleId("purchasing") + "}"));

        assertThat(fx.value(readers, Map.of("id", document), String.class)).isEqualTo("editors,internal-roles");
        assertThat(found(fx.seller, "auditorias", null)).isEmpty();
        assertThat(found(fx.buyer, "auditorias", null)).containsExactly(document);
    }

    @Test
    void another_tenant_finds_nothing_of_this_one() {
        published("ARTICLE", Set.of("internal", "clients", "public"), Set.of(), Map.of("es", new String[] {
            "Horario de atención " + fx.tag
        }));

        assertThat(found(fx.editor, "horario", null)).hasSize(1);
        assertThat(found(LibraryFixtures.NORTHWIND, "horario", null)).isEmpty();
    }

    @Test
    void a_blank_or_stop_word_only_query_finds_nothing() {
        published("ARTICLE", Set.of("internal"), Set.of(), Map.of("es", new String[] {"El de la " + fx.tag}));

        assertThat(fx.as(fx.editor, () -> search.search("   ", null, 10))).isEmpty();
        assertThat(fx.as(fx.editor, () -> search.search(null, null, 10))).isEmpty();
        assertThat(fx.as(fx.editor, () -> search.search("el de la", null, 10))).isEmpty();
    }
}
