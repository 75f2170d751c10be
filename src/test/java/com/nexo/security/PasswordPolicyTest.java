package com.nexo.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ResourceBundle;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each rule of the password policy, the message key it answers with, and the key's arguments. */
class PasswordPolicyTest {

    private static final String EMAIL = "maria.lopez@demo.nexo";

    @ParameterizedTest
    @ValueSource(strings = {"Demo-2026!", "correct horse battery 9", "Ñandú-del-Sur-7", "x7#kPq!2zLm"})
    void a_password_that_keeps_every_rule_is_accepted(String password) {
        assertThatCode(() -> PasswordPolicy.check(password, EMAIL)).doesNotThrowAnyException();
    }

    @Test
    void a_missing_password_is_too_short() {
        assertRefused(null, "password.error.too-short");
    }

    @Test
    void nine_characters_are_too_short_and_ten_are_enough() {
        assertRefused("Abcdefg-9", "password.error.too-short");
        assertThatCode(() -> PasswordPolicy.check("Abcdefgh-9", EMAIL)).doesNotThrowAnyException();
    }

    @Test
    void the_too_short_message_gets_the_minimum_length() {
        assertThatThrownBy(() -> PasswordPolicy.check("short-1", EMAIL))
                .isInstanceOfSatisfying(
                        AccessRuleException.class,
                        e -> assertThat(e.arguments()).containsExactly(PasswordPolicy.MIN_LENGTH));
    }

    @Test
    void more_than_the_maximum_length_is_too_long_with_the_maximum_as_argument() {
        String longest = "a1".repeat(PasswordPolicy.MAX_LENGTH / 2);
        assertThatCode(() -> PasswordPolicy.check(longest, EMAIL)).doesNotThrowAnyException();

        assertThatThrownBy(() -> PasswordPolicy.check(longest + "b", EMAIL))
                .isInstanceOfSatisfying(AccessRuleException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("password.error.too-long");
                    assertThat(e.arguments()).containsExactly(PasswordPolicy.MAX_LENGTH);
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"onlylettersherE", "ñandúcóndorá", "12345678901234", "!!--##==??**", "1234-5678-90"})
    void letters_alone_or_no_letters_at_all_break_the_mix_rule(String password) {
        assertRefused(password, "password.error.mix");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Password123", "PASSWORD123", "Welcome123", "Contraseña1", "passw0rd12"})
    void a_common_password_is_refused_whatever_its_case(String password) {
        assertRefused(password, "password.error.common");
    }

    @Test
    void a_password_containing_the_email_name_is_refused_whatever_its_case() {
        assertRefused("xx-Maria.Lopez-2026", "password.error.contains-email");
    }

    @Test
    void an_email_name_shorter_than_four_characters_is_not_checked() {
        assertThatCode(() -> PasswordPolicy.check("Ana-es-la-mejor-1", "ana@demo.nexo"))
                .doesNotThrowAnyException();
    }

    @Test
    void without_an_email_only_the_other_rules_apply() {
        assertThatCode(() -> PasswordPolicy.check("Demo-2026!", null)).doesNotThrowAnyException();
        assertThatCode(() -> PasswordPolicy.check("Demo-2026!", "not-an-email")).doesNotThrowAnyException();
    }

    static Stream<Arguments> oneRuleBrokenAtATime() {
        return Stream.of(
                Arguments.of("", "password.error.too-short"),
                Arguments.of("a1".repeat(100), "password.error.too-long"),
                Arguments.of("abcdefghijk", "password.error.mix"),
                Arguments.of("qwerty1234", "password.error.common"),
                Arguments.of("maria.lopez!2026", "password.error.contains-email"));
    }

    @ParameterizedTest
    @MethodSource("oneRuleBrokenAtATime")
    void every_message_key_exists_in_both_languages(String password, String key) {
        assertRefused(password, key);
        for (String language : new String[] {"en", "es"}) {
            ResourceBundle bundle = ResourceBundle.getBundle("vaadin-i18n.translations_" + language);
            assertThat(bundle.containsKey(key)).as("%s in %s", key, language).isTrue();
        }
    }

    private static void assertRefused(String password, String messageKey) {
        assertThatThrownBy(() -> PasswordPolicy.check(password, EMAIL))
                .isInstanceOfSatisfying(
                        AccessRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo(messageKey));
    }
}
