package com.nexo.security;

import java.util.Locale;
import java.util.Set;

/**
 * What a password must be: at least 10 characters, letters and something else (digits or
 * symbols), not the user's e-mail name, and not one of the passwords attackers try first.
 */
public final class PasswordPolicy {

    /** Shown in the password hint of every form that sets a password. */
    public static final int MIN_LENGTH = 10;

    public static final int MAX_LENGTH = 128;

    private static final Set<String> COMMON = Set.of(
            "password123",
            "contraseña1",
            "contrasena1",
            "1234567890",
            "qwerty1234",
            "qwertyuiop1",
            "password1!",
            "iloveyou12",
            "admin12345",
            "welcome123",
            "bienvenido1",
            "nexo123456",
            "abc1234567",
            "1q2w3e4r5t",
            "letmein1234",
            "passw0rd12");

    private PasswordPolicy() {}

    /** Throws with the message key of the first rule the password breaks. */
    public static void check(String password, String email) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new AccessRuleException("password.error.too-short", MIN_LENGTH);
        }
        if (password.length() > MAX_LENGTH) {
            throw new AccessRuleException("password.error.too-long", MAX_LENGTH);
        }
        boolean letter = password.codePoints().anyMatch(Character::isLetter);
        boolean other = password.codePoints().anyMatch(c -> !Character.isLetter(c));
        if (!letter || !other) {
            throw new AccessRuleException("password.error.mix");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            throw new AccessRuleException("password.error.common");
        }
        if (email != null && email.contains("@")) {
            String name = email.substring(0, email.indexOf('@')).toLowerCase(Locale.ROOT);
            if (name.length() >= 4 && lower.contains(name)) {
                throw new AccessRuleException("password.error.contains-email");
            }
        }
    }
}
