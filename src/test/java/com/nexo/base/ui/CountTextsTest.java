package com.nexo.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Counts read as a person writes them: one of a thing, none or several of things. The count texts
 * choose their form on the number (a MessageFormat choice) and show it formatted as the caller gives it.
 */
class CountTextsTest {

    private final Translations translations = new Translations();

    @Test
    void a_list_count_is_singular_for_one_and_plural_for_none_or_many() {
        assertThat(count("sales.list.count", Translations.SPANISH, "0", 0)).isEqualTo("0 documentos");
        assertThat(count("sales.list.count", Translations.SPANISH, "1", 1)).isEqualTo("1 documento");
        assertThat(count("sales.list.count", Translations.SPANISH, "1.234", 1234))
                .isEqualTo("1.234 documentos");
        assertThat(count("sales.list.count", Translations.ENGLISH, "1", 1)).isEqualTo("1 document");
        assertThat(count("sales.list.count", Translations.ENGLISH, "2", 2)).isEqualTo("2 documents");
        assertThat(count("accounts.list.count", Translations.SPANISH, "1", 1)).isEqualTo("1 cuenta");
    }

    @Test
    void a_count_among_other_values_keeps_them_in_place() {
        assertThat(translations.getTranslation("sales.section.open-line", Translations.SPANISH, "100,00 €", "1", 1))
                .isEqualTo("100,00 € pendiente en 1 factura");
        assertThat(translations.getTranslation(
                        "accounts.dashboard.new-clients-count", Translations.ENGLISH, "3", 30, 3))
                .isEqualTo("3 new clients in the last 30 days");
        assertThat(translations.getTranslation("sales.page.done.confirmed-back-ordered", Translations.SPANISH, 1))
                .isEqualTo("Pedido confirmado; 1 línea espera stock (pendientes de servir).");
        assertThat(translations.getTranslation("sales.page.done.confirmed-back-ordered", Translations.ENGLISH, 3))
                .isEqualTo("Order confirmed; 3 lines wait for stock (back-ordered).");
        assertThat(translations.getTranslation("login.error.locked.message", Translations.SPANISH, 1))
                .endsWith("dentro de 1 minuto.");
    }

    private String count(String key, java.util.Locale locale, String shown, long value) {
        return translations.getTranslation(key, locale, shown, value);
    }
}
