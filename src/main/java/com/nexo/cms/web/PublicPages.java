package com.nexo.cms.web;

import com.nexo.base.format.Formats;
import com.nexo.cms.ContentLanguage;
import com.nexo.cms.content.ReadableItem;
import com.nexo.tenancy.PublicTenants.PublicTenant;
import com.vaadin.flow.i18n.I18NProvider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Public pages as HTML (templates in {@code templates/cms/}): the item's title, summary as the meta
 * description, a canonical address in the language shown, {@code hreflang} alternates when both
 * languages exist, Open Graph tags, the tenant's name and the item's sanitised HTML, whose file
 * addresses ({@code /cms/files/...}, for logged-in readers) become the public ones of the tenant.
 */
@Component
class PublicPages {

    static final String STYLESHEET = PublicPagesController.ROOT + "/-/public.css";

    /** A file address in the stored HTML, in an attribute (the sanitiser writes double quotes). */
    private static final Pattern FILE_ADDRESS = Pattern.compile("=\"" + Pattern.quote(FileAddresses.LOGGED_IN));

    private final TemplateEngine templates;
    private final I18NProvider translations;
    private final Clock clock;

    PublicPages(I18NProvider translations, Clock clock) {
        this.translations = translations;
        this.clock = clock;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(PublicPages.class.getClassLoader());
        resolver.setPrefix("templates/cms/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        templates = new TemplateEngine();
        templates.setTemplateResolver(resolver);
    }

    /** An item's page. */
    PublicPage item(PublicTenant tenant, ReadableItem item, ContentLanguage language) {
        Locale locale = locale(language);
        Context context = common(tenant, language, item.languages(), address(tenant, item.slug()));
        context.setVariable("title", item.title());
        context.setVariable("description", blankToNull(item.summary()));
        context.setVariable(
                "published", item.publishedAt() == null ? null : formats(locale).date(item.publishedAt()));
        context.setVariable("body", publicFileAddresses(tenant, item.html()));
        if (item.fileId() != null) {
            context.setVariable(
                    "file",
                    Map.of(
                            "href",
                            FileAddresses.publicFile(tenant.code(), item.fileId()),
                            "label",
                            translations.getTranslation(
                                    "cms.public.download", locale, Objects.toString(item.fileName(), item.title()))));
        }
        String html = templates.process("page", context);
        return page(tenant, item.slug(), html, item.updatedAt());
    }

    /** The tenant's home: its public pages and latest public news. */
    PublicPage index(PublicTenant tenant, List<ReadableItem> pages, List<ReadableItem> news, ContentLanguage language) {
        Locale locale = locale(language);
        Context context = common(tenant, language, EnumSet.allOf(ContentLanguage.class), address(tenant, null));
        context.setVariable("pages", entries(tenant, pages, language, null));
        context.setVariable("news", entries(tenant, news, language, formats(locale)));
        context.setVariable(
                "t",
                Map.of(
                        "pages", translations.getTranslation("cms.public.pages", locale),
                        "news", translations.getTranslation("cms.public.news", locale),
                        "empty", translations.getTranslation("cms.public.empty", locale)));
        Instant lastModified = Stream.concat(pages.stream(), news.stream())
                .map(ReadableItem::updatedAt)
                .filter(Objects::nonNull)
                .max(Instant::compareTo)
                .orElse(Instant.EPOCH);
        return page(tenant, null, templates.process("index", context), lastModified);
    }

    /** What a visitor reads where nothing is published; {@code tenant} null when the tenant is unknown. */
    byte[] notFound(PublicTenant tenant, ContentLanguage language) {
        Locale locale = locale(language);
        Context context = new Context(locale);
        context.setVariable("lang", language.code());
        context.setVariable("stylesheet", STYLESHEET);
        context.setVariable("home", tenant == null ? null : address(tenant, null) + "?lang=" + language.code());
        context.setVariable(
                "t",
                Map.of(
                        "title", translations.getTranslation("cms.public.not-found.title", locale),
                        "text", translations.getTranslation("cms.public.not-found.text", locale),
                        "home", translations.getTranslation("cms.public.home", locale)));
        return templates.process("not-found", context).getBytes(StandardCharsets.UTF_8);
    }

    private Context common(
            PublicTenant tenant, ContentLanguage language, Set<ContentLanguage> languages, String address) {
        Context context = new Context(locale(language));
        context.setVariable("lang", language.code());
        context.setVariable("ogLocale", language == ContentLanguage.ES ? "es_ES" : "en_GB");
        context.setVariable("tenantName", tenant.name());
        context.setVariable("stylesheet", STYLESHEET);
        context.setVariable("home", address(tenant, null) + "?lang=" + language.code());
        context.setVariable("canonical", address + "?lang=" + language.code());
        List<Map<String, String>> alternates = new ArrayList<>();
        if (languages.size() > 1) {
            for (ContentLanguage each : ContentLanguage.values()) {
                alternates.add(Map.of("lang", each.code(), "href", address + "?lang=" + each.code()));
            }
        }
        context.setVariable("alternates", alternates);
        ContentLanguage other = language.other();
        context.setVariable(
                "other",
                languages.contains(other)
                        ? Map.of(
                                "lang",
                                other.code(),
                                "href",
                                address + "?lang=" + other.code(),
                                "label",
                                other == ContentLanguage.ES
                                        ? translations.getTranslation("cms.public.read-in.es", locale(other))
                                        : translations.getTranslation("cms.public.read-in.en", locale(other)))
                        : null);
        return context;
    }

    private List<Map<String, String>> entries(
            PublicTenant tenant, List<ReadableItem> items, ContentLanguage language, Formats formats) {
        return items.stream()
                .map(item -> {
                    Map<String, String> entry = new HashMap<>();
                    entry.put("href", address(tenant, item.slug()) + "?lang=" + language.code());
                    entry.put("title", item.title());
                    entry.put("summary", blankToNull(item.summary()));
                    entry.put(
                            "published",
                            formats == null || item.publishedAt() == null ? null : formats.date(item.publishedAt()));
                    return entry;
                })
                .toList();
    }

    private static PublicPage page(PublicTenant tenant, String slug, String html, Instant lastModified) {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        return new PublicPage(
                tenant.id(), slug, bytes, etag(bytes), lastModified == null ? Instant.EPOCH : lastModified);
    }

    /** A strong validator: the hash of exactly these bytes. */
    static String etag(byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String publicFileAddresses(PublicTenant tenant, String html) {
        if (html == null) {
            return "";
        }
        return FILE_ADDRESS
                .matcher(html)
                .replaceAll(Matcher.quoteReplacement("=\"" + FileAddresses.publicFiles(tenant.code())));
    }

    static String address(PublicTenant tenant, String slug) {
        return PublicPagesController.ROOT + "/" + tenant.code() + (slug == null ? "" : "/" + slug);
    }

    private Formats formats(Locale locale) {
        return new Formats(locale, clock.getZone());
    }

    static Locale locale(ContentLanguage language) {
        return Locale.of(language.code());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
