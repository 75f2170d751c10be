package com.nexo.production.volume;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.tenancy.TenantContext;
import com.nexo.testing.NexoSpringTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The production volume generator at a small size, in the demo tenant and rolled back: a deep bill
 * of three levels of two with 30 lines in all, 12 bills in three levels each using two of the level
 * below and four shared inputs, and a wide bill of five inputs each stocked.
 */
@NexoSpringTest
class ProductionVolumeGeneratorTest {

    private static final UUID DEMO = UUID.fromString("0195f3a0-0000-7000-8000-000000000001");

    @Autowired
    private ProductionVolumeGenerator generator;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Test
    void a_deep_bill_many_bills_in_levels_and_a_wide_bill_with_stocked_inputs() {
        TenantContext.callAsSystem(
                DEMO,
                null,
                () -> new TransactionTemplate(transactionManager).execute(status -> {
                    status.setRollbackOnly();
                    ProductionVolumeGenerator.Volume volume =
                            generator.generate(new ProductionVolumeGenerator.VolumeSpec(3, 2, 30, 12, 3, 5, 100));

                    // 7 deep bills, 12 many, 1 wide; lines 30 + (8 * 2 + 12 * 4) + 5.
                    assertThat(volume.bills()).isEqualTo(20);
                    assertThat(volume.lines()).isEqualTo(30 + 64 + 5);
                    assertThat(volume.articles()).isEqualTo(7 + 300 + 12 + 1_000 + 1 + 5);
                    assertThat(volume.manyTops()).isEqualTo(4);

                    String prefix = volume.prefix() + "%";
                    Map<String, Object> deep =
                            jdbc.sql("""
                            WITH RECURSIVE tree AS (
                                SELECT l.article_id, 1 AS level FROM production_bom_line l
                                  JOIN production_bom b ON b.id = l.bom_id WHERE b.article_id = :top
                                UNION ALL
                                SELECT l.article_id, t.level + 1 FROM tree t
                                  JOIN production_bom b ON b.article_id = t.article_id
                                  JOIN production_bom_line l ON l.bom_id = b.id
                            )
                            SELECT count(*) AS lines, max(level) AS levels FROM tree
                            """).param("top", volume.deepTop()).query().singleRow();
                    assertThat(deep).containsEntry("lines", 30L).containsEntry("levels", 3);

                    List<Long> linesPerManyBill = jdbc.sql("""
                            SELECT count(l.id) FROM production_bom b JOIN article a ON a.id = b.article_id
                              JOIN production_bom_line l ON l.bom_id = b.id
                             WHERE a.code LIKE :prefix AND substring(a.code FROM 9 FOR 1) = 'M'
                               AND b.status = 'ACTIVE'
                             GROUP BY b.id ORDER BY 1
                            """)
                            .param("prefix", prefix)
                            .query(Long.class)
                            .list();
                    assertThat(linesPerManyBill).hasSize(12);
                    assertThat(linesPerManyBill.subList(0, 4)).containsOnly(4L);
                    assertThat(linesPerManyBill.subList(4, 12)).containsOnly(6L);

                    assertThat(jdbc.sql("""
                            SELECT count(*) FROM production_bom_line l JOIN production_bom b ON b.id = l.bom_id
                              JOIN stock_balance s ON s.article_id = l.article_id AND s.warehouse_id = :warehouse
                             WHERE b.article_id = :wide AND s.on_hand = 100
                            """)
                                    .param("warehouse", volume.warehouse())
                                    .param("wide", volume.wideArticle())
                                    .query(Long.class)
                                    .single())
                            .isEqualTo(5);
                    assertThat(jdbc.sql("""
                            SELECT count(*) FROM production_bom_line l JOIN production_bom b ON b.id = l.bom_id
                              JOIN article a ON a.id = b.article_id
                             WHERE a.code LIKE :prefix AND l.scrap_percent > 0
                            """)
                                    .param("prefix", prefix)
                                    .query(Long.class)
                                    .single())
                            .isPositive();
                    assertThat(jdbc.sql("SELECT min(cost) FROM article WHERE code LIKE :prefix AND kind = 'input'")
                                    .param("prefix", prefix)
                                    .query(BigDecimal.class)
                                    .single())
                            .isPositive();
                    return null;
                }));
    }
}
