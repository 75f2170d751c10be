package com.nexo.base.validation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NoControlCharactersTest {

    record Form(
            @NoControlCharacters(message = "{test.control}") String name,
            List<@NoControlCharacters(message = "{test.control}") String> emails) {}

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void aValidator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void closeIt() {
        factory.close();
    }

    @Test
    void nul_and_other_invisible_controls_are_refused_with_the_callers_message() {
        for (String bad : List.of("a\0b", "\u0001", "bell\u0007", "esc\u001B[0m", "del\u007F")) {
            Set<ConstraintViolation<Form>> violations = validator.validate(new Form(bad, List.of()));
            assertThat(violations).as(bad).singleElement().satisfies(violation -> {
                assertThat(violation.getPropertyPath().toString()).isEqualTo("name");
                assertThat(violation.getMessageTemplate()).isEqualTo("{test.control}");
            });
        }
    }

    @Test
    void text_of_several_lines_tabs_accents_and_null_pass() {
        for (String good : List.of("línea uno\nlínea dos", "a\tb\r\nc", "Peñalver · Ñandú €", "")) {
            assertThat(validator.validate(new Form(good, List.of(good))))
                    .as(good)
                    .isEmpty();
        }
        assertThat(validator.validate(new Form(null, List.of()))).isEmpty();
    }

    @Test
    void list_elements_are_checked_one_by_one() {
        assertThat(validator.validate(new Form("ok", List.of("ok@x.es", "mal\0@x.es"))))
                .singleElement()
                .satisfies(violation ->
                        assertThat(violation.getPropertyPath().toString()).isEqualTo("emails[1].<list element>"));
    }
}
