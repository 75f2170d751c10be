package com.nexo.base.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.base.ui.RecordDifferences.Difference;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordDifferencesTest {

    record Form(String name, List<String> emails, Integer limit) {}

    record Other(String name) {}

    @Test
    void lists_only_the_fields_whose_values_differ_with_both_values() {
        Form mine = new Form("Acme", List.of("a@acme.es"), 100);
        Form theirs = new Form("Acme S.L.", List.of("a@acme.es"), null);

        assertThat(RecordDifferences.between(mine, theirs))
                .containsExactly(new Difference("name", "Acme", "Acme S.L."), new Difference("limit", 100, null));
    }

    @Test
    void equal_versions_have_no_differences() {
        assertThat(RecordDifferences.between(new Form("A", List.of(), 1), new Form("A", List.of(), 1)))
                .isEmpty();
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void refuses_two_different_record_types() {
        assertThatThrownBy(
                        () -> RecordDifferences.between((Record) new Form("A", List.of(), 1), (Record) new Other("A")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
