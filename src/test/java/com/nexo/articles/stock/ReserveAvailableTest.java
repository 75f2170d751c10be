package com.nexo.articles.stock;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.articles.ArticleFixtures;
import com.nexo.articles.catalogue.ArticleKind;
import com.nexo.articles.catalogue.ArticleService;
import com.nexo.articles.categories.CategoryService;
import com.nexo.articles.units.UnitService;
import com.nexo.articles.warehouses.WarehouseService;
import com.nexo.testing.NexoSpringTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Bulk reservation of what is available: requests for one article and warehouse share what is
 * there in their order, an untracked article gets nothing, a warehouse that allows negative stock
 * gives all, and the balance and the reservations agree.
 */
@NexoSpringTest
class ReserveAvailableTest {

    @Autowired
    UserDetailsService users;

    @Autowired
    ArticleService articleService;

    @Autowired
    CategoryService categories;

    @Autowired
    WarehouseService warehouses;

    @Autowired
    UnitService units;

    @Autowired
    ReservationService reservations;

    @Autowired
    StockService stock;

    @Test
    void eachRequestGetsWhatIsStillAvailableAndTheBalanceAddsUp() {
        ArticleFixtures fx = new ArticleFixtures(users, articleService, categories, warehouses, units);
        UUID category = fx.category(null, "Reservas");
        UUID bolts = fx.article(category, "ud");
        UUID nuts = fx.article(category, "ud");
        UUID labour = fx.article(category, "ud", ArticleKind.SERVICE, false);
        String ref = "OF-" + fx.tag;
        UUID strict = fx.warehouse(false);
        UUID loose = fx.warehouse(true);
        fx.asAdmin(() -> stock.receive(StockEntry.of(bolts, strict, new BigDecimal("7"), "test")));

        List<ReservedQuantity> result = fx.asAdmin(() -> reservations.reserveAvailable(List.of(
                new ReservationRequest(bolts, strict, new BigDecimal("5"), "production-order", ref),
                new ReservationRequest(bolts, strict, new BigDecimal("5"), "production-order", ref),
                new ReservationRequest(nuts, strict, new BigDecimal("3"), "production-order", ref),
                new ReservationRequest(labour, strict, new BigDecimal("2"), "production-order", ref),
                new ReservationRequest(nuts, loose, new BigDecimal("4"), "production-order", ref))));

        assertThat(result)
                .extracting(ReservedQuantity::reserved)
                .map(BigDecimal::stripTrailingZeros)
                .containsExactly(
                        new BigDecimal("5"),
                        new BigDecimal("2"),
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        new BigDecimal("4"));
        assertThat(result.get(2)).isEqualTo(ReservedQuantity.NONE);
        assertThat(result.get(3)).isEqualTo(ReservedQuantity.NONE);
        assertThat(fx.asAdmin(() -> reservations.availability(bolts, strict)).reserved())
                .isEqualByComparingTo("7");
        assertThat(fx.asAdmin(() -> reservations.availability(nuts, loose)).available())
                .isEqualByComparingTo("-4");
        assertThat(fx.asAdmin(() -> reservations.reservationsOf("production-order", ref)))
                .extracting(Reservation::id)
                .containsExactlyInAnyOrder(
                        result.get(0).reservationId(),
                        result.get(1).reservationId(),
                        result.get(4).reservationId());
        StockLevel level =
                fx.asAdmin(() -> reservations.levels(List.of(bolts), null)).get(bolts);
        assertThat(level.onHand()).isEqualByComparingTo("7");
        assertThat(level.available()).isEqualByComparingTo("0");
    }
}
