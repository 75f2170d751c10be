package com.nexo.base.ui;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every text a user reads, in Spanish and English, from {@code vaadin-i18n/translations_*.properties}.
 * Another browser language falls back to English; a missing key shows as {@code !key!} and is logged,
 * and a test keeps both bundles in step so that never reaches a user.
 */
@Component
public class Translations implements I18NProvider {

    public static final Locale SPANISH = Locale.of("es");
    public static final Locale ENGLISH = Locale.of("en");
    public static final List<Locale> SUPPORTED = List.of(SPANISH, ENGLISH);

    private static final Logger LOG = LoggerFactory.getLogger(Translations.class);
    private static final String BUNDLE = "vaadin-i18n.translations";

    @Override
    public List<Locale> getProvidedLocales() {
        return SUPPORTED;
    }

    /** The supported language closest to {@code requested}: its language if we have it, else English. */
    public static Locale supported(Locale requested) {
        if (requested != null) {
            for (Locale locale : SUPPORTED) {
                if (locale.getLanguage().equals(requested.getLanguage())) {
                    return locale;
                }
            }
        }
        return ENGLISH;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        ResourceBundle bundle = ResourceBundle.getBundle(
                BUNDLE,
                supported(locale),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            LOG.warn("Missing translation {} for {}", key, locale);
            return "!" + key + "!";
        }
        return params.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(params);
    }
}
