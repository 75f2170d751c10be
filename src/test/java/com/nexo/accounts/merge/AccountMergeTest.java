package com.nexo.accounts.merge;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.accounts.account.AccountField;
import com.nexo.accounts.account.AccountForm;
import com.nexo.accounts.account.AccountRole;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccountMergeTest {

    private static AccountForm survivor() {
        AccountForm form = new AccountForm();
        form.setCode("000010");
        form.setLegalName("Aceros del Norte, S.A.");
        form.setRoles(EnumSet.of(AccountRole.PROSPECT));
        form.setEmails(List.of("info@aceros.es"));
        form.setPhones(List.of("+34 985 000 000"));
        form.setTags(Set.of("metal"));
        form.setNotes("Visitado en 2025.");
        form.setCreditLimit(null);
        return form;
    }

    private static AccountForm loser() {
        AccountForm form = new AccountForm();
        form.setCode("000042");
        form.setLegalName("Aceros Norte SA");
        form.setTaxId("A58818501");
        form.setRoles(EnumSet.of(AccountRole.CLIENT, AccountRole.SUPPLIER));
        form.setEmails(List.of("INFO@aceros.es", "compras@aceros.es"));
        form.setPhones(List.of("+34 985 000 000"));
        form.setTags(Set.of("vip"));
        form.setNotes("Paga a 60 días.");
        form.setCreditLimit(new BigDecimal("5000.00"));
        return form;
    }

    @Test
    void by_default_the_survivor_wins_and_its_empty_fields_are_filled_from_the_loser() {
        AccountForm merged = AccountMerge.merge(survivor(), loser(), Map.of());

        assertThat(merged.getLegalName()).isEqualTo("Aceros del Norte, S.A.");
        assertThat(merged.getTaxId()).isEqualTo("A58818501");
        assertThat(merged.getCreditLimit()).isEqualByComparingTo("5000");
        assertThat(merged.getCode()).isEqualTo("000010");
    }

    @Test
    void lists_are_united_without_duplicates_and_notes_are_joined() {
        AccountForm merged = AccountMerge.merge(survivor(), loser(), Map.of());

        assertThat(merged.getEmails()).containsExactly("info@aceros.es", "compras@aceros.es");
        assertThat(merged.getPhones()).containsExactly("+34 985 000 000");
        assertThat(merged.getTags()).containsExactlyInAnyOrder("metal", "vip");
        assertThat(merged.getNotes()).isEqualTo("Visitado en 2025.\n\nPaga a 60 días.");
    }

    @Test
    void roles_are_united_and_a_known_client_is_no_longer_a_prospect() {
        assertThat(AccountMerge.merge(survivor(), loser(), Map.of()).getRoles())
                .containsExactlyInAnyOrder(AccountRole.CLIENT, AccountRole.SUPPLIER);
    }

    @Test
    void a_chosen_side_wins_for_that_field_even_over_a_union() {
        AccountForm merged = AccountMerge.merge(
                survivor(),
                loser(),
                Map.of(
                        AccountField.LEGAL_NAME, MergeSide.LOSER,
                        AccountField.EMAILS, MergeSide.SURVIVOR,
                        AccountField.CODE, MergeSide.LOSER));

        assertThat(merged.getLegalName()).isEqualTo("Aceros Norte SA");
        assertThat(merged.getEmails()).containsExactly("info@aceros.es");
        assertThat(merged.getCode()).as("codes stay the survivor's").isEqualTo("000010");
    }

    @Test
    void the_inputs_are_not_changed_and_differences_list_what_differs() {
        AccountForm survivor = survivor();
        AccountForm loser = loser();
        AccountMerge.merge(survivor, loser, Map.of());

        assertThat(survivor.getEmails()).containsExactly("info@aceros.es");
        assertThat(AccountMerge.differences(survivor, loser))
                .contains(AccountField.LEGAL_NAME, AccountField.TAX_ID, AccountField.EMAILS)
                .doesNotContain(AccountField.PHONES, AccountField.CODE, AccountField.COUNTRY);
    }
}
