package com.nexo.base;

import org.hibernate.validator.messageinterpolation.ResourceBundleMessageInterpolator;
import org.hibernate.validator.resourceloading.PlatformResourceBundleLocator;

/**
 * Bean Validation messages from the application's translation bundles: a constraint's
 * {@code message = "{accounts.validation.tax-id}"} is looked up in
 * {@code vaadin-i18n/translations_<language>.properties} in the locale the validation asks for (the
 * user's, when Vaadin's {@code BeanValidationBinder} validates), then in Hibernate Validator's own
 * messages for the standard constraints. Registered in {@code META-INF/validation.xml}, so every
 * validator built from the default factory uses it, Vaadin's included.
 */
public class TranslatedMessageInterpolator extends ResourceBundleMessageInterpolator {

    public TranslatedMessageInterpolator() {
        super(new PlatformResourceBundleLocator("vaadin-i18n/translations"));
    }
}
