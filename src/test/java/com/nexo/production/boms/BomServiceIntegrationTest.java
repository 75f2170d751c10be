package com.nexo.production.boms;

import static com.nexo.production.boms.BomFixtures.material;
import static com.nexo.production.boms.BomFixtures.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.articles.ArticleDirectory;
import com.nexo.production.ProductionRuleException;
import com.nexo.testing.NexoSpringTest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

/**
 * Bills of materials as the application's role against the real database: versions and their
 * activation without overlap, cycles refused with their path (direct and through other bills), a
 * three-level explosion with scrap at every level, where-used, the standard-cost roll-up through the
 * levels and again after an input's cost changes on a receipt, a stale save refused, a reader kept
 * from writing.
 */
@NexoSpringTest
class BomServiceIntegrationTest {

    private static final LocalDate TODAY = LocalDate.now();

    @Autowired
    private ApplicationContext context;

    @Autowired
    private BomService boms;

    @Autowired
    private BomExplosion explosion;

    @Autowired
    private CostRollUp rollUp;

    @Autowired
    private StandardCostRefresh refresh;

    @Autowired
    private Boms shared;

    @Autowired
    private ArticleDirectory directory;

    private BomFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new BomFixtures(context);
    }

    @Test
    void aNewVersionCopiesTheLatestLinesSupersedesTheOlderOneFromItsStartAndRefusesASameDayOverlap() {
        UUID made = fixtures.goods();
        UUID input = fixtures.goods();
        UUID first = fixtures.active(made, material(input, "2", "0"));

        UUID second = fixtures.asPlanner(
                () -> boms.createVersion(new BomForm(made, LocalDate.of(2024, 1, 1), null, null, "rev 2")));
        BomDetails draft = fixtures.asPlanner(() -> boms.details(second).orElseThrow());
        assertThat(draft.revision()).isEqualTo(2);
        assertThat(draft.status()).isEqualTo(BomStatus.DRAFT);
        assertThat(draft.lines()).extracting(BomLineDetails::articleId).containsExactly(input);
        assertThat(draft.lines().getFirst().quantity()).isEqualByComparingTo("2");

        fixtures.asPlanner(() -> {
            boms.activate(second, draft.version());
            return null;
        });
        assertThat(fixtures.asPlanner(() -> boms.details(first).orElseThrow()).validTo())
                .isEqualTo(LocalDate.of(2023, 12, 31));
        assertThat(fixtures.asPlanner(() -> shared.effectiveBoms(List.of(made), LocalDate.of(2023, 6, 1))))
                .containsEntry(made, first);
        assertThat(fixtures.asPlanner(() -> shared.effectiveBoms(List.of(made), TODAY)))
                .containsEntry(made, second);

        // A third revision from the same day as the second overlaps it: refused until it is archived.
        UUID third = fixtures.asPlanner(
                () -> boms.createVersion(new BomForm(made, LocalDate.of(2024, 1, 1), null, null, "rev 3")));
        long thirdVersion =
                fixtures.asPlanner(() -> boms.details(third).orElseThrow()).version();
        assertThatThrownBy(() -> fixtures.asPlanner(() -> {
                    boms.activate(third, thirdVersion);
                    return null;
                }))
                .isInstanceOf(ProductionRuleException.class)
                .extracting(
                        e -> ((ProductionRuleException) e).messageKey(),
                        e -> ((ProductionRuleException) e).arguments()[0])
                .containsExactly("production.boms.error.overlap", 2);

        fixtures.asPlanner(() -> {
            boms.archive(second, boms.details(second).orElseThrow().version());
            boms.activate(third, thirdVersion);
        });
        assertThat(fixtures.asPlanner(() -> boms.versionsOf(made)))
                .extracting(BomVersion::revision, BomVersion::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, BomStatus.ACTIVE),
                        org.assertj.core.groups.Tuple.tuple(2, BomStatus.ARCHIVED),
                        org.assertj.core.groups.Tuple.tuple(1, BomStatus.ACTIVE));
    }

    @Test
    void aCycleIsRefusedWithItsPathWhetherDirectOrThroughOtherBills() {
        UUID a = fixtures.goods();
        UUID b = fixtures.goods();
        UUID c = fixtures.goods();
        fixtures.active(a, material(b, "1", "0"));
        fixtures.active(b, material(c, "1", "0"));
        Map<UUID, String> codes = codes(a, b, c);

        // B would contain A, which contains B.
        UUID bDraft = fixtures.asPlanner(() -> boms.createVersion(new BomForm(b, TODAY, null, null, null)));
        assertThatThrownBy(() -> fixtures.asPlanner(() -> boms.saveLines(
                        bDraft,
                        boms.details(bDraft).orElseThrow().version(),
                        List.of(material(c, "1", "0"), material(a, "1", "0")))))
                .isInstanceOf(ProductionRuleException.class)
                .hasMessage("production.boms.error.cycle")
                .extracting(e -> ((ProductionRuleException) e).arguments()[0])
                .isEqualTo(codes.get(b) + " → " + codes.get(a) + " → " + codes.get(b));

        // C would contain A, which contains B, which contains C.
        UUID cDraft = fixtures.asPlanner(() -> boms.createVersion(new BomForm(c, TODAY, null, null, null)));
        assertThatThrownBy(() -> fixtures.asPlanner(() -> boms.saveLines(
                        cDraft, boms.details(cDraft).orElseThrow().version(), List.of(material(a, "1", "0")))))
                .isInstanceOf(ProductionRuleException.class)
                .extracting(e -> ((ProductionRuleException) e).arguments()[0])
                .isEqualTo(codes.get(c) + " → " + codes.get(a) + " → " + codes.get(b) + " → " + codes.get(c));

        // An article in its own bill.
        assertThatThrownBy(() -> fixtures.asPlanner(() -> boms.saveLines(
                        cDraft, boms.details(cDraft).orElseThrow().version(), List.of(material(c, "1", "0")))))
                .isInstanceOf(ProductionRuleException.class)
                .hasMessage("production.boms.error.contains-itself");
    }

    @Test
    void servicesAreWorkedInHoursAndNeverMadeOrUsedAsMaterials() {
        UUID made = fixtures.goods();
        UUID hours = fixtures.service();
        UUID input = fixtures.goods();
        assertThatThrownBy(
                        () -> fixtures.asPlanner(() -> boms.createVersion(new BomForm(hours, TODAY, null, null, null))))
                .isInstanceOf(ProductionRuleException.class)
                .hasMessage("production.boms.error.article-service");
        UUID draft = fixtures.asPlanner(() -> boms.createVersion(new BomForm(made, TODAY, null, null, null)));
        long version =
                fixtures.asPlanner(() -> boms.details(draft).orElseThrow().version());
        assertThatThrownBy(() ->
                        fixtures.asPlanner(() -> boms.saveLines(draft, version, List.of(material(hours, "1", "0")))))
                .hasMessage("production.boms.error.material-is-service");
        assertThatThrownBy(() ->
                        fixtures.asPlanner(() -> boms.saveLines(draft, version, List.of(service(input, "1", null)))))
                .hasMessage("production.boms.error.service-not-service");
        assertThatThrownBy(() ->
                        fixtures.asPlanner(() -> boms.saveLines(draft, version, List.of(material(input, "0", "0")))))
                .hasMessage("production.boms.error.line-quantity");
        assertThatThrownBy(() ->
                        fixtures.asPlanner(() -> boms.saveLines(draft, version, List.of(material(input, "1", "100")))))
                .hasMessage("production.boms.error.line-scrap");
        long saved = fixtures.asPlanner(
                () -> boms.saveLines(draft, version, List.of(material(input, "1", "5"), service(hours, "0.5", null))));
        assertThat(saved).isEqualTo(version + 1);
        assertThat(fixtures.asPlanner(() -> boms.details(draft).orElseThrow().lines()))
                .extracting(BomLineDetails::position, BomLineDetails::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, LineKind.MATERIAL),
                        org.assertj.core.groups.Tuple.tuple(2, LineKind.SERVICE));
    }

    @Test
    void aSaveOverSomeoneElsesNewerSaveIsRefusedAndChangesNothing() {
        UUID made = fixtures.goods();
        UUID input = fixtures.goods();
        UUID draft = fixtures.asPlanner(() -> boms.createVersion(new BomForm(made, TODAY, null, null, null)));
        long loaded = fixtures.asPlanner(() -> boms.details(draft).orElseThrow().version());
        fixtures.asPlanner(() -> boms.saveLines(draft, loaded, List.of(material(input, "1", "0"))));
        assertThatThrownBy(() ->
                        fixtures.asPlanner(() -> boms.saveLines(draft, loaded, List.of(material(input, "9", "0")))))
                .isInstanceOf(ProductionRuleException.class)
                .hasMessage("production.boms.error.changed-meanwhile");
        assertThat(fixtures.asPlanner(() ->
                        boms.details(draft).orElseThrow().lines().getFirst().quantity()))
                .isEqualByComparingTo("1");
    }

    @Test
    void aThreeLevelBillExplodesWithScrapAtEveryLevelAndWhereUsedWalksBackUp() {
        Chain chain = chain();
        List<ExplodedLine> lines = fixtures.asPlanner(() -> explosion.explode(chain.top, new BigDecimal("10"), TODAY));

        assertThat(lines)
                .extracting(ExplodedLine::level, ExplodedLine::articleId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, chain.sub),
                        org.assertj.core.groups.Tuple.tuple(2, chain.part),
                        org.assertj.core.groups.Tuple.tuple(3, chain.raw),
                        org.assertj.core.groups.Tuple.tuple(1, chain.hours));
        // 10 × 2 / 0.9 = 22.2222…; × 3 / 0.8 = 83.3333…; × 0.5 = 41.6666…; rounded up to 4 decimals.
        assertThat(lines.get(0).totalQuantity()).isEqualByComparingTo("22.2223");
        assertThat(lines.get(1).totalQuantity()).isEqualByComparingTo("83.3334");
        assertThat(lines.get(2).totalQuantity()).isEqualByComparingTo("41.6667");
        assertThat(lines.get(3).totalQuantity()).isEqualByComparingTo("15");
        // The same figures as the shared scrap arithmetic chained level by level.
        BigDecimal part = Scrap.gross(new BigDecimal("2"), BigDecimal.TEN)
                .multiply(Scrap.gross(new BigDecimal("3"), new BigDecimal("20")))
                .multiply(BigDecimal.TEN);
        assertThat(lines.get(1).totalQuantity())
                .isEqualByComparingTo(part.setScale(Scrap.QUANTITY_SCALE, RoundingMode.UP));
        assertThat(lines.get(0).isSubAssembly()).isTrue();
        assertThat(lines.get(2).isSubAssembly()).isFalse();
        assertThat(lines.get(1).parentLineId()).isEqualTo(lines.get(0).lineId());
        assertThat(lines.get(1).path()).startsWith(lines.get(0).path() + ".");

        assertThat(fixtures.asPlanner(() -> explosion.whereUsed(chain.raw)))
                .extracting(WhereUsed::level, WhereUsed::articleId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, chain.part),
                        org.assertj.core.groups.Tuple.tuple(2, chain.sub),
                        org.assertj.core.groups.Tuple.tuple(3, chain.top));
    }

    @Test
    void theRollUpCostsEveryLevelFromTheBottomAndAgainWhenAnInputCostRisesOnAReceipt() throws Exception {
        Chain chain = chain();
        int written = fixtures.asPlanner(() -> rollUp.rollUpFrom(List.of(chain.raw)));
        assertThat(written).isEqualTo(3);
        Map<UUID, StandardCost> costs =
                fixtures.asPlanner(() -> shared.standardCosts(List.of(chain.top, chain.sub, chain.part)));
        // part: 0.5 × 4 = 2; sub: 3 / 0.8 × 2 = 7.5; top: 2 / 0.9 × 7.5 + 1.5 h × 7.25 = 16.666667 + 10.875.
        assertThat(costs.get(chain.part).unitCost()).isEqualByComparingTo("2");
        assertThat(costs.get(chain.sub).unitCost()).isEqualByComparingTo("7.5");
        assertThat(costs.get(chain.top).materialCost()).isEqualByComparingTo("16.666667");
        assertThat(costs.get(chain.top).serviceCost()).isEqualByComparingTo("10.875");
        assertThat(costs.get(chain.top).unitCost()).isEqualByComparingTo("27.541667");
        assertThat(costs.get(chain.top).level()).isLessThan(costs.get(chain.sub).level());
        assertThat(costs.get(chain.sub).level())
                .isLessThan(costs.get(chain.part).level());

        CostBreakdown breakdown = fixtures.asPlanner(() -> rollUp.breakdown(chain.top));
        assertThat(breakdown.unitCost()).isEqualByComparingTo("27.541667");
        assertThat(breakdown.lines()).hasSize(4);
        assertThat(breakdown.stored().unitCost()).isEqualByComparingTo("27.541667");

        // One more unit of the raw material at 8 over the one on hand at 4: its cost becomes 6.
        fixtures.receiveAtCost(chain.raw, "1", "8");
        refresh.awaitQueued(30, TimeUnit.SECONDS);
        StandardCost after = fixtures.asPlanner(
                () -> shared.standardCosts(List.of(chain.top)).get(chain.top));
        // part 3, sub 11.25, top 2 / 0.9 × 11.25 + 10.875 = 25 + 10.875.
        assertThat(after.unitCost()).isEqualByComparingTo("35.875");
    }

    @Test
    void aFullRollUpWritesEveryProducedArticle() {
        Chain chain = chain();
        int written = fixtures.asPlanner(() -> rollUp.rollUpAll());
        assertThat(written).isGreaterThanOrEqualTo(3);
        assertThat(fixtures.asPlanner(() ->
                        shared.standardCosts(List.of(chain.top)).get(chain.top).unitCost()))
                .isEqualByComparingTo("27.541667");
    }

    @Test
    void aReaderSeesBillsButMayNotChangeThem() {
        Chain chain = chain();
        assertThat(fixtures.as(fixtures.reader, () -> boms.details(chain.topBom)))
                .isPresent();
        assertThat(fixtures.as(fixtures.reader, () -> boms.page(null, null, 10).rows()))
                .isNotEmpty();
        assertThatThrownBy(() -> fixtures.as(
                        fixtures.reader, () -> boms.createVersion(new BomForm(chain.top, TODAY, null, null, null))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(fixtures.reader, () -> rollUp.rollUpAll()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theListFindsBillsByArticleAndPagesByKey() {
        Chain chain = chain();
        String code = codes(chain.top).get(chain.top);
        assertThat(fixtures.asPlanner(() -> boms.page(code, null, 10).rows()))
                .extracting(BomListRow::articleId)
                .containsExactly(chain.top);
        var first = fixtures.asPlanner(() -> boms.page(null, null, 2));
        assertThat(first.rows()).hasSize(2);
        assertThat(first.next()).isNotNull();
        var second = fixtures.asPlanner(() -> boms.page(null, first.next(), 2));
        assertThat(second.rows()).doesNotContainAnyElementsOf(first.rows());
    }

    /** top ← 2 sub (10 % scrap) + 1.5 h service; sub ← 3 part (20 % scrap); part ← 0.5 raw (cost 4). */
    private Chain chain() {
        UUID raw = fixtures.goods("4");
        UUID part = fixtures.goods();
        UUID sub = fixtures.goods();
        UUID top = fixtures.goods();
        UUID hours = fixtures.service();
        fixtures.active(part, material(raw, "0.5", "0"));
        fixtures.active(sub, material(part, "3", "20"));
        UUID topBom = fixtures.active(top, material(sub, "2", "10"), service(hours, "1.5", null));
        return new Chain(top, sub, part, raw, hours, topBom);
    }

    private Map<UUID, String> codes(UUID... ids) {
        Map<UUID, String> codes = new java.util.HashMap<>();
        fixtures.asPlanner(() -> directory.summaries(List.of(ids)))
                .forEach((id, summary) -> codes.put(id, summary.code()));
        return codes;
    }

    private record Chain(UUID top, UUID sub, UUID part, UUID raw, UUID hours, UUID topBom) {}
}
