package com.nexo.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.accounts.account.AccountForm;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.ValueContext;
import com.vaadin.flow.data.validator.BeanValidator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Constraint messages written as {@code {key}} reach the user in the form's language, through the
 * same {@link BeanValidator} that {@code BeanValidationBinder} puts on every bound field.
 */
class TranslatedValidationMessagesTest {

    private static ValidationResult validate(String property, Object value, Locale locale) {
        return new BeanValidator(AccountForm.class, property).apply(value, new ValueContext(locale));
    }

    @Test
    void a_key_in_a_constraint_message_is_read_from_the_bundle_of_the_form_language() {
        assertThat(validate("legalName", " ", Translations.SPANISH).getErrorMessage())
                .isEqualTo("Escribe la razón social.");
        assertThat(validate("legalName", " ", Translations.ENGLISH).getErrorMessage())
                .isEqualTo("Enter the legal name.");
    }

    @Test
    void constraint_attributes_fill_the_message() {
        assertThat(validate("legalName", "x".repeat(201), Translations.SPANISH).getErrorMessage())
                .isEqualTo("Demasiado largo: como máximo 200 caracteres.");
    }

    @Test
    void constraints_on_list_elements_are_checked_and_translated_too() {
        assertThat(validate("emails", List.of("ok@example.com", "not an e-mail"), Translations.ENGLISH)
                        .getErrorMessage())
                .isEqualTo("Not a valid e-mail address.");
        assertThat(validate("emails", List.of("ok@example.com"), Translations.ENGLISH)
                        .isError())
                .isFalse();
    }
}
