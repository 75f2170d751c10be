package com.nexo.cms.volume;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.tenancy.TenantContext;
import com.nexo.testing.NexoSpringTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The CMS volume generator at 1,000 items, in the demo tenant and rolled back: both languages for
 * every item, one in five a document with the text of its file, most published, every audience
 * present, and the generated words found by the full-text search of each language (accents ignored).
 */
@NexoSpringTest
class CmsVolumeGeneratorTest {

    private static final UUID DEMO = UUID.fromString("0195f3a0-0000-7000-8000-000000000001");

    @Autowired
    private CmsVolumeGenerator generator;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Test
    void a_thousand_items_in_both_languages_a_fifth_of_them_documents() {
        TenantContext.callAsSystem(
                DEMO,
                null,
                () -> new TransactionTemplate(transactionManager).execute(status -> {
                    status.setRollbackOnly();
                    CmsVolumeGenerator.Volume volume = generator.generate(1_000);

                    assertThat(volume.items()).isEqualTo(1_000);
                    assertThat(volume.texts()).isEqualTo(2_000);
                    assertThat(volume.documents()).isEqualTo(200);
                    Map<String, Object> shape = jdbc.sql("""
                                    SELECT count(*) FILTER (WHERE i.status = 'PUBLISHED') AS published,
                                           count(*) FILTER (WHERE i.for_internal) AS internal,
                                           count(*) FILTER (WHERE i.for_clients) AS clients,
                                           count(*) FILTER (WHERE i.for_suppliers) AS suppliers,
                                           count(*) FILTER (WHERE i.for_professionals) AS professionals,
                                           count(*) FILTER (WHERE i.for_public) AS public,
                                           count(DISTINCT t.item_id) FILTER (WHERE t.lang = 'es') AS spanish,
                                           count(DISTINCT t.item_id) FILTER (WHERE t.lang = 'en') AS english,
                                           count(*) FILTER (WHERE t.file_text IS NOT NULL) AS with_file_text,
                                           min(length(t.body_md)) AS shortest_body
                                      FROM cms_item i JOIN cms_item_text t ON t.item_id = i.id
                                     WHERE i.slug LIKE :prefix || '-%'
                                    """)
                            .param("prefix", volume.prefix())
                            .query()
                            .singleRow();
                    assertThat(((Number) shape.get("published")).longValue()).isEqualTo(2 * 900);
                    for (String audience :
                            new String[] {"internal", "clients", "suppliers", "professionals", "public"}) {
                        assertThat(((Number) shape.get(audience)).longValue())
                                .as(audience)
                                .isPositive();
                    }
                    assertThat(((Number) shape.get("spanish")).longValue()).isEqualTo(1_000);
                    assertThat(((Number) shape.get("english")).longValue()).isEqualTo(1_000);
                    assertThat(((Number) shape.get("with_file_text")).longValue())
                            .isEqualTo(2 * 200);
                    assertThat(((Number) shape.get("shortest_body")).intValue()).isGreaterThan(200);

                    // The words are real words of each language: stems and unaccented forms find them.
                    String spanishCount = """
                            SELECT count(*) FROM cms_item_text t JOIN cms_item i ON i.id = t.item_id
                             WHERE i.slug LIKE :prefix || '-%' AND t.lang = 'es'
                               AND t.search @@ plainto_tsquery('nexo_es', :query)
                            """;
                    // "almacén" written, "almacen" searched; "factura" written, "facturas" searched.
                    long spanish = jdbc.sql(spanishCount)
                            .param("prefix", volume.prefix())
                            .param("query", "almacen")
                            .query(Long.class)
                            .single();
                    long plural = jdbc.sql(spanishCount)
                            .param("prefix", volume.prefix())
                            .param("query", "facturas")
                            .query(Long.class)
                            .single();
                    long english = jdbc.sql("""
                                    SELECT count(*) FROM cms_item_text t JOIN cms_item i ON i.id = t.item_id
                                     WHERE i.slug LIKE :prefix || '-%' AND t.lang = 'en'
                                       AND t.search @@ plainto_tsquery('nexo_en', 'warehouses')
                                    """)
                            .param("prefix", volume.prefix())
                            .query(Long.class)
                            .single();
                    assertThat(spanish).isPositive().isLessThan(1_000);
                    assertThat(plural).isPositive().isLessThan(1_000);
                    assertThat(english).isPositive().isLessThan(1_000);
                    return null;
                }));
    }
}
