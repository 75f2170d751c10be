package com.nexo.sales.documents;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The sales line form keeps its limits and messages on the values it inherits from base's line form. */
class LineFormValidationTest {

    private final Validator validator =
            Validation.buildDefaultValidatorFactory().getValidator();

    private static LineForm line(String description, String quantity) {
        LineForm line = new LineForm();
        line.setDescription(description);
        line.setQuantity(new BigDecimal(quantity));
        return line;
    }

    @Test
    void a_returned_quantity_is_a_valid_sales_line() {
        assertThat(validator.validate(line("Screws", "-2"))).isEmpty();
    }

    @Test
    void a_line_without_description_is_refused_with_sales_message() {
        Set<ConstraintViolation<LineForm>> violations = validator.validate(line(" ", "1"));

        assertThat(violations)
                .extracting(v -> v.getPropertyPath().toString(), ConstraintViolation::getMessageTemplate)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("description", "{sales.validation.description-required}"));
    }

    @Test
    void the_binder_style_check_of_one_value_sees_the_limits_on_the_getters() {
        assertThat(validator.validateValue(LineForm.class, "discountPercent", new BigDecimal("101")))
                .extracting(ConstraintViolation::getMessageTemplate)
                .containsExactly("{sales.validation.discount-range}");
        assertThat(validator.validateValue(LineForm.class, "unitCode", "x".repeat(21)))
                .extracting(ConstraintViolation::getMessageTemplate)
                .containsExactly("{sales.validation.too-long}");
    }

    @Test
    void a_copy_keeps_the_values_and_takes_the_new_quantity_and_source() {
        LineForm original = line("Bolts", "5");
        original.setId(UUID.randomUUID());
        original.setArticleCode("B-1");
        original.setUnitCode("ud");
        original.setUnitPrice(new BigDecimal("1.25"));
        original.setDiscountPercent(new BigDecimal("10"));
        original.setVatPercent(new BigDecimal("10"));
        original.setStockTracked(true);
        UUID source = UUID.randomUUID();

        LineForm copy = original.copyFrom(source, new BigDecimal("3"));

        assertThat(copy.getId()).isNull();
        assertThat(copy.getSourceLineId()).isEqualTo(source);
        assertThat(copy.getQuantity()).isEqualByComparingTo("3");
        assertThat(copy)
                .extracting(
                        LineForm::getDescription,
                        LineForm::getArticleCode,
                        LineForm::getUnitCode,
                        LineForm::getUnitPrice,
                        LineForm::getDiscountPercent,
                        LineForm::getVatPercent,
                        LineForm::isStockTracked)
                .containsExactly(
                        "Bolts", "B-1", "ud", new BigDecimal("1.25"), new BigDecimal("10"), new BigDecimal("10"), true);
    }
}
