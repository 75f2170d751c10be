package com.nexo.shell.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.base.ui.Translations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The PWA's offline page is plain HTML that the service worker shows without the server, so it
 * cannot ask the bundles for its texts. Each of its texts names its bundle entry ({@code data-i18n})
 * and its language ({@code lang}); this keeps the two equal, in every supported language.
 */
class OfflinePageTest {

    private static final Path PAGE = Path.of("frontend/offline.html");

    /** An element with its language, its key and its text (no nested elements). */
    private static final Pattern TRANSLATED =
            Pattern.compile("<\\w+[^>]*\\blang=\"(\\w+)\"[^>]*\\bdata-i18n=\"([^\"]+)\"[^>]*>([^<]*)<");

    private final Translations translations = new Translations();

    @Test
    void every_text_of_the_offline_page_is_its_bundle_entry_in_its_language() throws IOException {
        List<String> found = new ArrayList<>();
        Matcher matcher = TRANSLATED.matcher(Files.readString(PAGE, StandardCharsets.UTF_8));
        while (matcher.find()) {
            Locale locale = Locale.of(matcher.group(1));
            String key = matcher.group(2);
            assertThat(matcher.group(3).strip())
                    .as("%s in %s", key, locale)
                    .isEqualTo(translations.getTranslation(key, locale));
            found.add(locale.getLanguage() + ":" + key);
        }
        assertThat(found)
                .as("each text in each supported language")
                .containsExactlyInAnyOrder(
                        "es:offline.text", "en:offline.text", "es:offline.retry", "en:offline.retry");
    }
}
