package com.nexo.imports.file;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.imports.FieldType;
import com.nexo.imports.ImportField;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeaderMatcherTest {

    private static final List<ImportField> FIELDS = List.of(
            ImportField.of(
                    "legalName",
                    "imports.test.legal-name",
                    FieldType.TEXT,
                    true,
                    "Razón social",
                    "Nombre fiscal",
                    "Company name",
                    "Empresa"),
            ImportField.of(
                    "tradeName", "imports.test.trade-name", FieldType.TEXT, false, "Nombre comercial", "Trade name"),
            ImportField.of(
                    "taxId", "imports.test.tax-id", FieldType.TEXT, false, "NIF", "CIF", "NIF/CIF", "VAT number"),
            ImportField.of(
                    "email", "imports.test.email", FieldType.EMAIL, false, "E-mail", "Correo", "Correo electrónico"),
            ImportField.of("phone", "imports.test.phone", FieldType.TEXT, false, "Teléfono", "Phone", "Tel."));

    private static List<String> propose(String... headers) {
        return HeaderMatcher.propose(List.of(headers), FIELDS);
    }

    @Test
    void spanish_headers_are_matched_whatever_their_accents_and_case() {
        assertThat(propose("Razón social", "NIF/CIF", "Correo electrónico", "TELEFONO"))
                .containsExactly("legalName", "taxId", "email", "phone");
    }

    @Test
    void english_headers_and_field_ids_in_words_are_matched() {
        assertThat(propose("Company name", "Tax ID", "E-mail", "Phone", "Legal name"))
                .containsExactly("legalName", "taxId", "email", "phone", null);
    }

    @Test
    void nombre_fiscal_is_the_legal_name_and_nombre_comercial_the_trade_name() {
        assertThat(propose("Nombre comercial", "Nombre fiscal")).containsExactly("tradeName", "legalName");
    }

    @Test
    void a_header_that_contains_a_name_as_whole_words_is_matched() {
        assertThat(propose("Correo electrónico de facturación", "Teléfono móvil", "NIF del cliente"))
                .containsExactly("email", "phone", "taxId");
    }

    @Test
    void the_longest_name_a_header_contains_wins() {
        // "Nombre comercial de la empresa" contains "empresa" (legal name) and "nombre comercial".
        assertThat(propose("Nombre comercial de la empresa")).containsExactly("tradeName");
    }

    @Test
    void names_inside_other_words_do_not_count() {
        // "telefonos" is not "telefono", and "nifty" does not contain the word "nif".
        assertThat(propose("Teléfonos", "Nifty")).containsExactly(null, null);
    }

    @Test
    void an_exact_header_beats_an_earlier_one_that_only_contains_the_name() {
        assertThat(propose("Correo de contacto", "E-mail")).containsExactly(null, "email");
    }

    @Test
    void each_field_goes_to_the_first_header_that_asks_for_it() {
        assertThat(propose("Teléfono", "Phone", "Company name", "Razón social"))
                .containsExactly("phone", null, "legalName", null);
    }

    @Test
    void unknown_and_empty_headers_get_no_field() {
        assertThat(propose("Observaciones", "", "  ", "—")).containsExactly(null, null, null, null);
    }
}
