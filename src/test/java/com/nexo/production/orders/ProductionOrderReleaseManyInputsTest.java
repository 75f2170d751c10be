package com.nexo.production.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.production.orders.ProductionOrderFixtures.Line;
import com.nexo.testing.NexoSpringTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Releasing an order of 200 inputs reserves every one of them in the same transaction, through one
 * bulk reservation. How long it takes is measured by {@code ProductionBenchmark}, not here.
 */
@NexoSpringTest
class ProductionOrderReleaseManyInputsTest {

    private static final int INPUTS = 200;

    @Autowired
    ApplicationContext context;

    @Autowired
    ProductionOrderService orders;

    @Autowired
    ProductionOrderQueries queries;

    @Test
    void releasing_an_order_of_two_hundred_inputs_reserves_them_all() {
        ProductionOrderFixtures fx = new ProductionOrderFixtures(context);
        UUID warehouse = fx.warehouse();
        UUID top = fx.goods();
        Line[] lines = new Line[INPUTS];
        for (int i = 0; i < INPUTS; i++) {
            UUID input = fx.goods();
            fx.stock(input, warehouse, "1000");
            lines[i] = Line.material(input, "1", i % 3 == 0 ? "5" : "0");
        }
        fx.bom(top, lines);

        UUID order = fx.asPlanner(() -> orders.create(
                new OrderForm(top, new BigDecimal("2"), LocalDate.now().plusDays(5), warehouse, null, null)));
        long version = fx.asPlanner(() -> queries.details(order, Locale.ENGLISH))
                .header()
                .version();
        ReleaseResult result = fx.asPlanner(() -> orders.release(order, version));

        assertThat(result.shortMaterials()).isZero();
        assertThat(fx.asPlanner(() -> queries.details(order, Locale.ENGLISH)).materials())
                .hasSize(INPUTS)
                .allSatisfy(material -> assertThat(material.reserved()).isEqualByComparingTo(material.required()));
    }
}
