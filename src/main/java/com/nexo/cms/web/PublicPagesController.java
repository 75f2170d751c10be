package com.nexo.cms.web;

import com.nexo.base.Ids;
import com.nexo.cms.ContentKind;
import com.nexo.cms.ContentLanguage;
import com.nexo.cms.content.ContentReader;
import com.nexo.cms.content.ReadableItem;
import com.nexo.tenancy.PublicTenants;
import com.nexo.tenancy.PublicTenants.PublicTenant;
import com.nexo.tenancy.TenantContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A tenant's public pages, without login: {@code /p/<tenant code>} (its public pages and latest news),
 * {@code /p/<tenant code>/<slug>} and the files of its public items. The tenant comes from {@link
 * PublicTenants}; everything is read as the visitor ({@link TenantContext#callAsVisitor}), whose
 * database role reads only published public items. The language: {@code ?lang=es|en}, else the
 * browser's, else the tenant's. Anything not published to the public answers the same 404 page.
 * Rendered pages are cached ({@link PublicPageCache}) and carry validators for browsers and proxies.
 */
@Controller
class PublicPagesController {

    static final String ROOT = "/p";

    /** How long browsers and proxies may keep a page without asking again. */
    static final CacheControl PAGE_CACHE =
            CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

    private static final int INDEX_PAGES = 100;
    private static final int INDEX_NEWS = 10;
    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final PublicTenants tenants;
    private final ContentReader reader;
    private final PublicPages pages;
    private final PublicPageCache cache;
    private final byte[] stylesheet;

    PublicPagesController(PublicTenants tenants, ContentReader reader, PublicPages pages, PublicPageCache cache) {
        this.tenants = tenants;
        this.reader = reader;
        this.pages = pages;
        this.cache = cache;
        try (InputStream css = PublicPagesController.class.getResourceAsStream("/templates/cms/public.css")) {
            this.stylesheet = css.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping(ROOT + "/-/public.css")
    ResponseEntity<byte[]> stylesheet() {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "css", StandardCharsets.UTF_8))
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .body(stylesheet);
    }

    @GetMapping(ROOT + "/{tenantCode}")
    ResponseEntity<byte[]> index(
            @PathVariable String tenantCode,
            @RequestParam(name = "lang", required = false) String lang,
            HttpServletRequest request) {
        return serve(tenantCode, "", lang, request, (tenant, language) -> {
            List<ReadableItem> published = reader.publicItems(ContentKind.PAGE, language, 0, INDEX_PAGES);
            List<ReadableItem> news = reader.publicItems(ContentKind.NEWS, language, 0, INDEX_NEWS);
            return Optional.of(pages.index(tenant, published, news, language));
        });
    }

    @GetMapping(ROOT + "/{tenantCode}/{slug}")
    ResponseEntity<byte[]> page(
            @PathVariable String tenantCode,
            @PathVariable String slug,
            @RequestParam(name = "lang", required = false) String lang,
            HttpServletRequest request) {
        return serve(
                tenantCode,
                slug,
                lang,
                request,
                (tenant, language) ->
                        reader.publicItem(slug, language).map(item -> pages.item(tenant, item, language)));
    }

    @GetMapping(ROOT + "/{tenantCode}/files/{fileId}")
    void file(
            @PathVariable String tenantCode,
            @PathVariable String fileId,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        Optional<PublicTenant> tenant = tenants.find(tenantCode);
        Optional<UUID> id = Ids.parse(fileId);
        boolean served = tenant.isPresent()
                && id.isPresent()
                && TenantContext.callAsVisitor(tenant.get(), () -> {
                    try {
                        return reader.copyFile(
                                id.get(), file -> FileResponses.open(response, file, PAGE_CACHE.getHeaderValue()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
        if (!served) {
            ContentLanguage language = asked(null, request)
                    .orElseGet(() ->
                            tenant.map(PublicPagesController::defaultLanguage).orElse(ContentLanguage.ES));
            byte[] body = pages.notFound(tenant.orElse(null), language);
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.setContentType(HTML.toString());
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }

    /** Renders a page for the visitor of a tenant in a language; empty when nothing public is there. */
    @FunctionalInterface
    private interface Renderer {
        Optional<PublicPage> render(PublicTenant tenant, ContentLanguage language);
    }

    private ResponseEntity<byte[]> serve(
            String tenantCode, String slug, String lang, HttpServletRequest request, Renderer renderer) {
        Optional<ContentLanguage> asked = asked(lang, request);
        if (asked.isPresent()) {
            Optional<PublicPage> cached = cache.get(new PublicPageCache.Key(tenantCode, slug, asked.get()));
            if (cached.isPresent()) {
                return respond(cached.get(), request);
            }
        }
        Optional<PublicTenant> tenant = tenants.find(tenantCode);
        if (tenant.isEmpty()) {
            return notFound(null, asked.orElse(ContentLanguage.ES));
        }
        ContentLanguage language = asked.orElseGet(() -> defaultLanguage(tenant.get()));
        PublicPageCache.Key key = new PublicPageCache.Key(tenantCode, slug, language);
        if (asked.isEmpty()) {
            Optional<PublicPage> cached = cache.get(key);
            if (cached.isPresent()) {
                return respond(cached.get(), request);
            }
        }
        long readAt = cache.generation();
        Optional<PublicPage> page =
                TenantContext.callAsVisitor(tenant.get(), () -> renderer.render(tenant.get(), language));
        if (page.isEmpty()) {
            return notFound(tenant.get(), language);
        }
        cache.put(key, page.get(), readAt);
        return respond(page.get(), request);
    }

    private ResponseEntity<byte[]> respond(PublicPage page, HttpServletRequest request) {
        HttpHeaders headers = new HttpHeaders();
        headers.setCacheControl(PAGE_CACHE);
        headers.setETag(page.etag());
        headers.setLastModified(page.lastModified());
        headers.setVary(List.of(HttpHeaders.ACCEPT_LANGUAGE));
        if (matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), page.etag())) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .headers(headers)
                    .build();
        }
        headers.setContentType(HTML);
        return ResponseEntity.ok().headers(headers).body(page.html());
    }

    private ResponseEntity<byte[]> notFound(PublicTenant tenant, ContentLanguage language) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .contentType(HTML)
                .cacheControl(CacheControl.noCache())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .body(pages.notFound(tenant, language));
    }

    /** Whether an {@code If-None-Match} list names this entity tag (weak ones compared weakly). */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    /** The language asked for: {@code ?lang}, else the first Spanish or English of the browser's. */
    static Optional<ContentLanguage> asked(String lang, HttpServletRequest request) {
        if ("es".equals(lang) || "en".equals(lang)) {
            return Optional.of(ContentLanguage.fromCode(lang));
        }
        String header = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                String language = range.getRange().split("-", 2)[0].toLowerCase(Locale.ROOT);
                if (language.equals("es") || language.equals("en")) {
                    return Optional.of(ContentLanguage.fromCode(language));
                }
            }
        } catch (IllegalArgumentException e) {
            // A malformed header reads as none.
        }
        return Optional.empty();
    }

    private static ContentLanguage defaultLanguage(PublicTenant tenant) {
        return tenant.defaultLocale() == null
                ? ContentLanguage.ES
                : ContentLanguage.of(Locale.forLanguageTag(tenant.defaultLocale()));
    }
}
