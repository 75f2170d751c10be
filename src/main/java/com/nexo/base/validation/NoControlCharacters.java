package com.nexo.base.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A text without control characters: no NUL (which PostgreSQL refuses in any text, so that saving it
 * would fail as an incident) and none of the other invisible C0 controls or DEL, which a user never
 * means to type (they come from pasted binary data). Tab, line feed and carriage return pass, for
 * texts of several lines. Null passes (other constraints say whether a value is required).
 *
 * <p>The message is the caller's bundle key ({@code message = "{accounts.validation.control-characters}"}):
 * each module words it for its own fields.
 */
@Documented
@Constraint(validatedBy = NoControlCharacters.Validator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface NoControlCharacters {

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks a {@link CharSequence}. */
    class Validator implements ConstraintValidator<NoControlCharacters, CharSequence> {

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return !containsControlCharacter(value);
        }

        /** Whether {@code value} holds a character this constraint refuses (false for null). */
        public static boolean containsControlCharacter(CharSequence value) {
            if (value == null) {
                return false;
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                    return true;
                }
            }
            return false;
        }
    }
}
