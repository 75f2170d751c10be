package com.nexo.tenancy;

import static com.nexo.tenancy.IsolationSupport.count;
import static com.nexo.tenancy.IsolationSupport.inTransaction;
import static com.nexo.tenancy.IsolationSupport.newTenant;
import static com.nexo.tenancy.IsolationSupport.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.articles.stock.ReservationRequest;
import com.nexo.articles.stock.ReservationService;
import com.nexo.articles.stock.ReservedQuantity;
import com.nexo.production.ProductionRuleException;
import com.nexo.production.orders.OrderFilter;
import com.nexo.production.orders.OrderForm;
import com.nexo.production.orders.ProductionOrderFixtures;
import com.nexo.production.orders.ProductionOrderFixtures.Line;
import com.nexo.production.orders.ProductionOrderQueries;
import com.nexo.production.orders.ProductionOrderService;
import com.nexo.production.orders.ShortageService;
import com.nexo.tenancy.IsolationSupport.TestTenant;
import com.nexo.testing.NexoSpringTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Production orders of one tenant are invisible to another: its services find none of them (an order
 * is "not found", the list and the shortages are empty), its bulk reservation cannot take the other
 * tenant's stock, and raw SQL as its employee sees and changes no row of the order tables.
 */
@NexoSpringTest
class ProductionOrdersIsolationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    ProductionOrderService orders;

    @Autowired
    ProductionOrderQueries queries;

    @Autowired
    ShortageService shortages;

    @Autowired
    ReservationService reservations;

    @Test
    void anotherTenantNeitherSeesNorChangesNorReservesForTheOrdersOfTheDemoTenant() throws Exception {
        ProductionOrderFixtures fx = new ProductionOrderFixtures(context);
        UUID warehouse = fx.warehouse();
        UUID input = fx.goods();
        UUID top = fx.goods();
        fx.bom(top, Line.material(input, "1"));
        fx.stock(input, warehouse, "3");
        UUID order = fx.asPlanner(() -> orders.create(
                new OrderForm(top, new BigDecimal("5"), LocalDate.now().plusDays(1), warehouse, null, null)));
        long version = fx.asPlanner(() -> queries.details(order, Locale.ENGLISH))
                .header()
                .version();
        fx.asPlanner(() -> orders.release(order, version));
        TestTenant other = newTenant();

        assertThatThrownBy(() ->
                        TenantContext.callAsSystem(other.id(), null, () -> queries.details(order, Locale.ENGLISH)))
                .isInstanceOf(ProductionRuleException.class)
                .hasMessage("production.orders.error.not-found");
        assertThatThrownBy(() -> TenantContext.callAsSystem(other.id(), null, () -> {
                    orders.complete(order);
                    return null;
                }))
                .isInstanceOf(ProductionRuleException.class)
                .hasMessage("production.orders.error.not-found");
        assertThat(TenantContext.callAsSystem(other.id(), null, () -> queries.count(OrderFilter.all())))
                .isZero();
        assertThat(TenantContext.callAsSystem(other.id(), null, () -> shortages.shortages(Locale.ENGLISH)))
                .isEmpty();
        List<ReservedQuantity> taken = TenantContext.callAsSystem(
                other.id(),
                null,
                () -> reservations.reserveAvailable(
                        List.of(new ReservationRequest(input, warehouse, BigDecimal.ONE, "production-order", "X"))));
        assertThat(taken).containsExactly(ReservedQuantity.NONE);

        inTransaction(other.asEmployee(), db -> {
            for (String table : List.of(
                    "production_order",
                    "production_order_material",
                    "production_order_task",
                    "production_order_entry")) {
                assertThat(count(db, "SELECT count(*) FROM " + table)).as(table).isZero();
            }
            assertThat(update(db, "UPDATE production_order SET notes = 'x' WHERE id = ?", order))
                    .isZero();
            return null;
        });
        assertThat(fx.balance(input, warehouse)[1]).isEqualByComparingTo("3");
    }
}
