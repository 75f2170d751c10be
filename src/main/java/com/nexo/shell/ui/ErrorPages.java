package com.nexo.shell.ui;

import com.nexo.base.ui.LanguageChoice;
import com.nexo.base.ui.Translations;
import com.nexo.security.CurrentUser;
import com.nexo.security.NexoUser;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.util.HtmlUtils;

/**
 * What a browser sees when a request fails before any page of the UI can answer: an unknown static
 * file, a refused request, a malformed address, a server error. A small page in NEXO's look and the
 * user's language (the logged-in user's, else the one chosen in this browser, else the browser's),
 * with a way back to the start page. It replaces Spring's English "Whitelabel" page; clients that do
 * not ask for HTML still get Spring's short JSON answer, without details.
 *
 * <p>Addresses and pages the UI can render are answered by {@link NotFoundView} instead.
 */
@Component
class ErrorPages implements ErrorViewResolver {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);
    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final Translations translations;

    ErrorPages(Translations translations) {
        this.translations = translations;
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        Locale locale = languageOf(request);
        String title;
        String text;
        if (status.is5xxServerError()) {
            String incident = Incidents.newId();
            LOG.error(
                    "Incident {}: {} for {}",
                    incident,
                    status.value(),
                    request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                    request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable error ? error : null);
            title = translations.getTranslation("error.unexpected.title", locale);
            text = translations.getTranslation("error.unexpected.text", locale, incident);
        } else if (status == HttpStatus.NOT_FOUND
                || status == HttpStatus.FORBIDDEN
                || status == HttpStatus.UNAUTHORIZED
                || status == HttpStatus.GONE) {
            // Refused and missing read the same, as on the UI's not-found page: an address does not
            // tell a stranger what exists.
            title = translations.getTranslation("error.not-found.title", locale);
            text = translations.getTranslation("error.not-found.text", locale);
        } else {
            title = translations.getTranslation("error.request.title", locale);
            text = translations.getTranslation("error.request.text", locale);
        }
        String back = translations.getTranslation("error.back-home", locale);
        ModelAndView page = new ModelAndView(new Page(locale, title, text, back));
        page.setStatus(status);
        return page;
    }

    static Locale languageOf(HttpServletRequest request) {
        return CurrentUser.get()
                .map(NexoUser::locale)
                .filter(Objects::nonNull)
                .map(Translations::supported)
                .or(() -> LanguageChoice.chosen(request.getCookies()))
                .orElseGet(() -> Translations.supported(request.getLocale()));
    }

    /** The page itself: self-contained but for NEXO's icon, so that it shows whatever failed. */
    private record Page(Locale locale, String title, String text, String back) implements View {

        @Override
        public String getContentType() {
            return MediaType.TEXT_HTML_VALUE;
        }

        @Override
        public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
                throws Exception {
            String base = HtmlUtils.htmlEscape(request.getContextPath(), UTF_8);
            String html = """
                    <!DOCTYPE html>
                    <html lang="%1$s">
                    <head>
                      <meta charset="utf-8">
                      <meta name="viewport" content="width=device-width, initial-scale=1">
                      <meta name="robots" content="noindex">
                      <meta name="theme-color" content="#1f4e8c">
                      <title>%2$s · NEXO</title>
                      <link rel="icon" href="%5$s/icons/icon.png">
                      <style>
                        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
                               background: linear-gradient(160deg, #eaf0f8 0%%, #f7f9fc 60%%); color: #1c2733;
                               margin: 0; display: flex; min-height: 100vh; align-items: center;
                               justify-content: center; }
                        main { box-sizing: border-box; width: min(100%% - 2rem, 32rem); padding: 2rem;
                               background: #fff; border-radius: 12px; text-align: center;
                               box-shadow: 0 2px 12px rgba(28, 39, 51, .12); }
                        .brand { color: #1f4e8c; font-weight: 700; letter-spacing: .08em; font-size: 1.5rem;
                                 display: flex; align-items: center; justify-content: center; gap: .5rem; }
                        .brand img { width: 40px; height: 40px; }
                        h1 { font-size: 1.4rem; margin: 1.25rem 0 .5rem; }
                        p { line-height: 1.5; margin: 0 0 1.25rem; }
                        a { display: inline-block; background: #1f4e8c; color: #fff; text-decoration: none;
                            border-radius: 6px; padding: .6rem 1.1rem; font-weight: 600; }
                        a:focus-visible { outline: 3px solid #9bb8e0; outline-offset: 2px; }
                      </style>
                    </head>
                    <body>
                    <main>
                      <div class="brand"><img src="%5$s/icons/icon.png" alt="">NEXO</div>
                      <h1>%2$s</h1>
                      <p>%3$s</p>
                      <a href="%5$s/">%4$s</a>
                    </main>
                    </body>
                    </html>
                    """.formatted(
                            locale.getLanguage(),
                            HtmlUtils.htmlEscape(title, UTF_8),
                            HtmlUtils.htmlEscape(text, UTF_8),
                            HtmlUtils.htmlEscape(back, UTF_8),
                            base);
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.setCharacterEncoding(UTF_8);
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            response.getWriter().write(html);
        }
    }
}
