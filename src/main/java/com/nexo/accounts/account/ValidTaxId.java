package com.nexo.accounts.account;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The tax id of an account form is valid for its country (see {@link TaxIds}). A class-level
 * constraint, reported on the {@code taxId} property, because the rule depends on the country.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidTaxId.Validator.class)
public @interface ValidTaxId {

    String message() default "{accounts.validation.tax-id}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidTaxId, AccountForm> {
        @Override
        public boolean isValid(AccountForm form, ConstraintValidatorContext context) {
            if (form == null || TaxIds.isValid(form.getCountry(), form.getTaxId())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("taxId")
                    .addConstraintViolation();
            return false;
        }
    }
}
