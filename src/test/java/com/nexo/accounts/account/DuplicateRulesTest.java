package com.nexo.accounts.account;

import static com.nexo.accounts.account.DuplicateCandidate.Reason.SAME_EMAIL;
import static com.nexo.accounts.account.DuplicateCandidate.Reason.SAME_TAX_ID;
import static com.nexo.accounts.account.DuplicateCandidate.Reason.SIMILAR_NAME;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DuplicateRulesTest {

    private static AccountForm entered(String taxId, String... emails) {
        AccountForm form = new AccountForm();
        form.setLegalName("Aceros del Norte, S.A.");
        form.setTaxId(taxId);
        form.setEmails(List.of(emails));
        return form;
    }

    @Test
    void the_same_tax_id_written_differently_is_a_duplicate() {
        assertThat(DuplicateRules.reasons(entered("b-1234567-4"), "ES B12345674", List.of(), 0.1))
                .containsExactly(SAME_TAX_ID);
    }

    @Test
    void a_shared_email_is_a_duplicate_whatever_the_case() {
        assertThat(DuplicateRules.reasons(entered(null, "Compras@Aceros.es"), null, List.of("compras@aceros.es"), 0.1))
                .containsExactly(SAME_EMAIL);
    }

    @Test
    void a_name_from_the_similarity_threshold_up_is_a_duplicate_below_it_is_not() {
        assertThat(DuplicateRules.reasons(entered(null), null, List.of(), DuplicateRules.NAME_SIMILARITY))
                .containsExactly(SIMILAR_NAME);
        assertThat(DuplicateRules.reasons(entered(null), null, List.of(), DuplicateRules.NAME_SIMILARITY - 0.01))
                .isEmpty();
    }

    @Test
    void blank_tax_ids_never_match_each_other_and_reasons_add_up() {
        assertThat(DuplicateRules.reasons(entered(""), "", List.of(), 0)).isEmpty();
        assertThat(DuplicateRules.reasons(entered("B12345674", "a@b.es"), "B12345674", List.of("a@b.es"), 0.9))
                .containsExactlyInAnyOrder(SAME_TAX_ID, SAME_EMAIL, SIMILAR_NAME);
    }

    @Test
    void only_a_change_of_tax_id_e_mails_or_names_counts_as_a_new_identity() {
        AccountForm stored = entered("B12345674", "compras@aceros.es");
        AccountForm otherFields = stored.copy();
        otherFields.setNotes("Llamar los lunes");
        otherFields.setWebsite("www.aceros.es");
        AccountForm sameWrittenDifferently = stored.copy();
        sameWrittenDifferently.setTaxId("b-1234567-4");
        sameWrittenDifferently.setEmails(List.of(" Compras@Aceros.es "));
        sameWrittenDifferently.setLegalName("  aceros del norte, s.a. ");

        assertThat(DuplicateRules.identityChanged(stored, otherFields)).isFalse();
        assertThat(DuplicateRules.identityChanged(stored, sameWrittenDifferently))
                .isFalse();

        AccountForm renamed = stored.copy();
        renamed.setTradeName("Aceros");
        AccountForm newEmail = stored.copy();
        newEmail.setEmails(List.of("compras@aceros.es", "ventas@aceros.es"));
        AccountForm newTaxId = stored.copy();
        newTaxId.setTaxId("A58818501");
        assertThat(DuplicateRules.identityChanged(stored, renamed)).isTrue();
        assertThat(DuplicateRules.identityChanged(stored, newEmail)).isTrue();
        assertThat(DuplicateRules.identityChanged(stored, newTaxId)).isTrue();
    }
}
