package com.nexo.cms.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.demo.DemoTenant;
import com.nexo.tenancy.TenantContext;
import com.nexo.testing.NexoSpringTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo tenant's CMS content as the start-up seeding made it (demo data is on in tests): the
 * content editor with its role; published items for every audience, in Spanish and in English (and
 * some in one language only); the public page about the company in both languages; a scheduled, an
 * expired and a draft item; knowledge-base articles in their categories; a folder per audience with
 * its PDF document, whose extracted text the search finds; a second run adds nothing and the second
 * tenant gets no content. Counts are of the demo's own items (by the editor), so that items other
 * tests make in the tenant do not change them.
 */
@NexoSpringTest
class DemoCmsTest {

    /** The items the demo content editor made. */
    private static final String MINE = """
            (SELECT * FROM cms_item
              WHERE created_by = (SELECT id FROM app_user WHERE email = 'contenidos@demo.nexo')) i
            """;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Autowired
    private DemoCms demoCms;

    @Test
    void the_demo_content_editor_exists_with_the_content_editor_role() {
        List<String> roles = inDemo(() ->
                jdbc.sql("""
                        SELECT r.code FROM app_user u JOIN user_role ur ON ur.user_id = u.id
                          JOIN role r ON r.id = ur.role_id
                         WHERE u.email = :email
                        """).param("email", DemoCms.EDITOR).query(String.class).list());
        assertThat(roles).containsExactly("content-editor");
    }

    @Test
    void every_audience_has_published_items_in_both_languages() {
        for (String audience :
                List.of("for_internal", "for_clients", "for_suppliers", "for_professionals", "for_public")) {
            Map<String, Object> counts =
                    inDemo(() -> jdbc.sql("""
                            SELECT count(DISTINCT i.id) FILTER (WHERE t.lang = 'es') AS spanish,
                                   count(DISTINCT i.id) FILTER (WHERE t.lang = 'en') AS english,
                                   count(DISTINCT i.kind) AS kinds
                              FROM %s JOIN cms_item_text t ON t.item_id = i.id
                             WHERE i.status = 'PUBLISHED' AND i.%s
                            """.formatted(MINE, audience)).query().singleRow());
            assertThat(((Number) counts.get("spanish")).longValue())
                    .as(audience)
                    .isGreaterThanOrEqualTo(2);
            assertThat(((Number) counts.get("english")).longValue())
                    .as(audience)
                    .isGreaterThanOrEqualTo(2);
            assertThat(((Number) counts.get("kinds")).longValue()).as(audience).isGreaterThanOrEqualTo(3);
        }
        long oneLanguage =
                inDemo(() -> jdbc.sql("""
                        SELECT count(*) FROM %s
                         WHERE (SELECT count(*) FROM cms_item_text t WHERE t.item_id = i.id) = 1
                        """.formatted(MINE)).query(Long.class).single());
        assertThat(oneLanguage).isGreaterThanOrEqualTo(3);
    }

    @Test
    void the_public_page_about_the_company_has_both_languages_and_rendered_html() {
        List<Map<String, Object>> texts = inDemo(
                () -> jdbc.sql("""
                        SELECT t.lang, t.title, t.body_html, i.status, i.for_public
                          FROM cms_item i JOIN cms_item_text t ON t.item_id = i.id
                         WHERE i.slug = :slug ORDER BY t.lang
                        """).param("slug", DemoCms.ABOUT_US).query().listOfRows());
        assertThat(texts).extracting(row -> row.get("lang")).containsExactly("en", "es");
        assertThat(texts).extracting(row -> row.get("title")).containsExactly("About us", "Quiénes somos");
        assertThat(texts).allSatisfy(row -> {
            assertThat(row.get("status")).isEqualTo("PUBLISHED");
            assertThat(row.get("for_public")).isEqualTo(true);
            assertThat((String) row.get("body_html")).contains("<h2>", "<strong>Talleres Nexo</strong>", "<li>");
        });
        long publicNews = inDemo(() -> jdbc.sql("SELECT count(*) FROM " + MINE
                        + " WHERE i.kind = 'NEWS' AND i.for_public AND i.status = 'PUBLISHED'")
                .query(Long.class)
                .single());
        assertThat(publicNews).isGreaterThanOrEqualTo(2);
    }

    @Test
    void one_item_is_scheduled_one_expired_and_one_a_draft() {
        Map<String, String> states = inDemo(() ->
                jdbc
                        .sql("""
                        SELECT i.slug, i.status FROM %s
                         WHERE i.slug IN ('rebajas-de-enero', 'oferta-de-otono', 'plan-de-formacion-2027')
                        """.formatted(MINE))
                        .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                        .list()
                        .stream()
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        assertThat(states)
                .containsEntry("rebajas-de-enero", "SCHEDULED")
                .containsEntry("oferta-de-otono", "EXPIRED")
                .containsEntry("plan-de-formacion-2027", "DRAFT");
    }

    @Test
    void articles_sit_in_the_knowledge_base_categories() {
        List<String> placed =
                inDemo(() -> jdbc.sql("""
                        SELECT i.slug || ' ' || c.slug FROM %s JOIN cms_category c ON c.id = i.category_id
                         WHERE i.kind = 'ARTICLE' ORDER BY i.slug
                        """.formatted(MINE)).query(String.class).list());
        assertThat(placed)
                .contains(
                        "seguridad-cabina-de-pintura seguridad",
                        "descargar-facturas-en-el-portal portal",
                        "registrar-horas-en-el-taller taller");
        long nested =
                inDemo(() -> jdbc.sql("SELECT count(*) FROM cms_category c JOIN cms_category p ON p.id = c.parent_id"
                                + " WHERE c.slug = 'seguridad' AND p.slug = 'taller'")
                        .query(Long.class)
                        .single());
        assertThat(nested).isOne();
    }

    @Test
    void every_audience_has_a_folder_with_a_published_pdf_whose_text_is_searchable() {
        List<Map<String, Object>> documents =
                inDemo(() -> jdbc.sql("""
                        SELECT f.name AS folder, i.status, t.lang, s.content_type, t.file_text
                          FROM %s JOIN cms_folder f ON f.id = i.folder_id
                          JOIN cms_item_text t ON t.item_id = i.id
                          JOIN stored_file s ON s.id = t.file_id
                         WHERE i.kind = 'DOCUMENT'
                        """.formatted(MINE)).query().listOfRows());
        assertThat(documents)
                .extracting(row -> row.get("folder"))
                .contains("Interno", "Clientes", "Proveedores", "Profesionales", "Público");
        assertThat(documents).allSatisfy(row -> {
            assertThat(row.get("status")).isEqualTo("PUBLISHED");
            assertThat(row.get("content_type")).isEqualTo("application/pdf");
            assertThat((String) row.get("file_text")).isNotBlank();
        });
        assertThat(documents).extracting(row -> row.get("lang")).contains("es", "en");
        // Words of the PDFs' text (not of their titles), in each language.
        long spanish =
                inDemo(() -> jdbc.sql("""
                        SELECT count(*) FROM %s JOIN cms_item_text t ON t.item_id = i.id
                         WHERE t.lang = 'es' AND t.search @@ plainto_tsquery('nexo_es', 'galvanizado baldas')
                        """.formatted(MINE)).query(Long.class).single());
        long english =
                inDemo(() -> jdbc.sql("""
                        SELECT count(*) FROM %s JOIN cms_item_text t ON t.item_id = i.id
                         WHERE t.lang = 'en' AND t.search @@ plainto_tsquery('nexo_en', 'degrease microns')
                        """.formatted(MINE)).query(Long.class).single());
        assertThat(spanish).isOne();
        assertThat(english).isOne();
    }

    @Test
    void a_second_run_adds_nothing_and_the_second_tenant_gets_no_content() {
        long before = inDemo(() ->
                jdbc.sql("SELECT count(*) FROM cms_item").query(Long.class).single());
        TenantContext.callAsSystem(DemoTenant.DEMO.id(), null, () -> {
            demoCms.seed(DemoTenant.DEMO);
            return null;
        });
        assertThat(inDemo(() -> jdbc.sql("SELECT count(*) FROM cms_item")
                        .query(Long.class)
                        .single()))
                .isEqualTo(before);
        UUID northwind = DemoTenant.NORTHWIND.id();
        long theirs = TenantContext.callAsSystem(northwind, null, () -> {
            demoCms.seed(DemoTenant.NORTHWIND);
            return new TransactionTemplate(transactionManager)
                    .execute(status -> jdbc.sql("SELECT count(*) FROM cms_item WHERE slug = :slug")
                            .param("slug", DemoCms.ABOUT_US)
                            .query(Long.class)
                            .single());
        });
        assertThat(theirs).isZero();
    }

    private <T> T inDemo(Supplier<T> query) {
        return TenantContext.callAsSystem(
                DemoTenant.DEMO.id(),
                null,
                () -> new TransactionTemplate(transactionManager).execute(status -> query.get()));
    }
}
