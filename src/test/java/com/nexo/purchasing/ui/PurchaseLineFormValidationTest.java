package com.nexo.purchasing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.purchasing.documents.OrderLine;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The purchase line form keeps purchasing's limits and messages on the values base's line form holds. */
class PurchaseLineFormValidationTest {

    private final Validator validator =
            Validation.buildDefaultValidatorFactory().getValidator();

    private static PurchaseLineForm line(String quantity) {
        return PurchaseLineForm.of(
                new OrderLine(null, "S-1", "Screws", new BigDecimal(quantity), "ud", null, null, new BigDecimal("21")),
                "A-1");
    }

    @Test
    void an_ordered_quantity_above_zero_is_valid_and_missing_price_and_discount_read_as_zero() {
        PurchaseLineForm line = line("4");

        assertThat(validator.validate(line)).isEmpty();
        assertThat(line.getUnitPrice()).isEqualByComparingTo("0");
        assertThat(line.getDiscountPercent()).isEqualByComparingTo("0");
    }

    @Test
    void a_purchase_cannot_order_nothing_or_return_goods() {
        assertThat(validator.validate(line("0")))
                .extracting(v -> v.getPropertyPath().toString(), ConstraintViolation::getMessageTemplate)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("quantity", "{purchasing.validation.quantity}"));
        assertThat(validator.validateValue(PurchaseLineForm.class, "quantity", new BigDecimal("-1")))
                .isNotEmpty();
    }

    @Test
    void the_line_goes_back_to_the_service_with_every_value() {
        PurchaseLineForm line = line("4");
        line.setUnitPrice(new BigDecimal("2.5"));
        line.setDiscountPercent(new BigDecimal("5"));

        assertThat(line.toOrderLine())
                .isEqualTo(new OrderLine(
                        null,
                        "S-1",
                        "Screws",
                        new BigDecimal("4"),
                        "ud",
                        new BigDecimal("2.5"),
                        new BigDecimal("5"),
                        new BigDecimal("21")));
    }
}
