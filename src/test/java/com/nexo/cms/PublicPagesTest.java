package com.nexo.cms;

import static com.nexo.cms.CmsTestItems.DEMO;
import static com.nexo.cms.CmsTestItems.NORTHWIND;
import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.base.files.FileStorage;
import com.nexo.base.files.StoredFile;
import com.nexo.cms.content.ContentChanged;
import com.nexo.cms.content.ContentService;
import com.nexo.cms.content.ItemDraft;
import com.nexo.cms.content.TextDraft;
import com.nexo.testing.LoggedIn;
import com.nexo.testing.NexoSpringTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Public pages over real HTTP, without login: what search engines and caches need on a public item's
 * page, validators and 304, the same 404 page for anything not published to the public, no session,
 * the server's cache dropped when the item changes, and the files of public items only.
 */
@NexoSpringTest
class PublicPagesTest {

    private static final String BROWSER = "text/html,application/xhtml+xml,*/*;q=0.8";

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private PlatformTransactionManager transactions;

    @Autowired
    private FileStorage files;

    @Autowired
    private ApplicationEventPublisher events;

    @Autowired
    private ContentService content;

    @Autowired
    private UserDetailsService users;

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private CmsTestItems items;

    @BeforeEach
    void fixtures() {
        items = new CmsTestItems(jdbc, transactions, files);
    }

    @Test
    void a_public_page_has_its_title_description_languages_and_cache_headers_without_a_session() throws Exception {
        String slug = CmsTestItems.uniqueSlug("quienes-somos");
        items.item(DEMO, ContentKind.PAGE)
                .slug(slug)
                .audiences(Audience.PUBLIC)
                .text(
                        ContentLanguage.ES,
                        "Quiénes somos",
                        "Talleres desde 1990 en Zaragoza.",
                        "<p>Nuestra historia.</p>")
                .text(ContentLanguage.EN, "About us", "Workshops since 1990 in Zaragoza.", "<p>Our story.</p>")
                .save();

        HttpResponse<String> spanish = get("/p/demo/" + slug, "es-ES,es;q=0.9", null);
        HttpResponse<String> english = get("/p/demo/" + slug, "en-GB,en;q=0.9", null);
        HttpResponse<String> chosen = get("/p/demo/" + slug + "?lang=en", "es-ES", null);

        assertThat(spanish.statusCode()).isEqualTo(200);
        assertThat(spanish.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(spanish.body())
                .contains("<html lang=\"es\">")
                .contains("<title>Quiénes somos · Talleres Nexo Demo, S.L.</title>")
                .contains("<meta name=\"description\" content=\"Talleres desde 1990 en Zaragoza.\">")
                .contains("<link rel=\"canonical\" href=\"/p/demo/" + slug + "?lang=es\">")
                .contains("hreflang=\"es\" href=\"/p/demo/" + slug + "?lang=es\"")
                .contains("hreflang=\"en\" href=\"/p/demo/" + slug + "?lang=en\"")
                .contains("<meta property=\"og:title\" content=\"Quiénes somos\">")
                .contains("<p>Nuestra historia.</p>")
                .doesNotContain("<script");
        assertThat(english.body()).contains("<title>About us · Talleres Nexo Demo, S.L.</title>", "<p>Our story.</p>");
        assertThat(chosen.body()).contains("<html lang=\"en\">", "About us");
        assertThat(spanish.headers().firstValue("Cache-Control")).contains("max-age=300, public");
        assertThat(spanish.headers().firstValue("ETag")).isPresent();
        assertThat(spanish.headers().firstValue("Last-Modified")).isPresent();
        assertThat(spanish.headers().allValues("Vary"))
                .anySatisfy(vary -> assertThat(vary).contains("Accept-Language"));
        assertThat(spanish.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(spanish.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(english.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void the_same_etag_answers_304_and_a_changed_page_is_served_anew_after_its_change_event() throws Exception {
        String slug = CmsTestItems.uniqueSlug("horario");
        UUID item = items.item(DEMO, ContentKind.NEWS)
                .slug(slug)
                .audiences(Audience.PUBLIC)
                .text(ContentLanguage.ES, "Horario de verano", "Del 1 de julio al 31 de agosto.", "<p>De 8 a 15.</p>")
                .save();
        HttpResponse<String> first = get("/p/demo/" + slug, "es", null);
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = get("/p/demo/" + slug, "es", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).contains(etag);

        items.retitle(DEMO, item, ContentLanguage.ES, "Horario de verano ampliado");
        assertThat(get("/p/demo/" + slug, "es", null).body())
                .as("served from the cache until the change is announced")
                .contains("<h1>Horario de verano</h1>");

        events.publishEvent(new ContentChanged(DEMO, item, slug, null));

        HttpResponse<String> changed = get("/p/demo/" + slug, "es", etag);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).contains("<h1>Horario de verano ampliado</h1>");
        assertThat(changed.headers().firstValue("ETag")).isPresent().isNotEqualTo(Optional.of(etag));
    }

    @Test
    void an_editors_save_and_unpublishing_reach_the_public_page_at_once() throws Exception {
        String slug = CmsTestItems.uniqueSlug("taller-abierto");
        UUID id = asEditor(() -> {
            UUID created = content.create(draft(slug, "Jornada de puertas abiertas"));
            content.publish(created, content.get(created).version());
            return created;
        });
        assertThat(get("/p/demo/" + slug, "es", null).body()).contains("<h1>Jornada de puertas abiertas</h1>");

        asEditor(() -> {
            content.update(id, content.get(id).version(), draft(slug, "Jornada de puertas abiertas: aplazada"), null);
            return null;
        });
        assertThat(get("/p/demo/" + slug, "es", null).body())
                .contains("<h1>Jornada de puertas abiertas: aplazada</h1>");

        asEditor(() -> {
            content.unpublish(id, content.get(id).version());
            return null;
        });
        assertThat(get("/p/demo/" + slug, "es", null).statusCode()).isEqualTo(404);
    }

    private ItemDraft draft(String slug, String title) {
        return new ItemDraft(
                ContentKind.NEWS,
                slug,
                null,
                null,
                Set.of(Audience.PUBLIC),
                Set.of(),
                null,
                null,
                Map.of(ContentLanguage.ES, new TextDraft(title, "Visita el taller.", "Ven a **vernos**.")));
    }

    private <T> T asEditor(Supplier<T> work) {
        return LoggedIn.asUser(users, "admin@demo.nexo", work);
    }

    @Test
    void drafts_internal_items_other_tenants_slugs_and_unknown_tenants_answer_the_same_404_page() throws Exception {
        String draft = slugOf(items.item(DEMO, ContentKind.PAGE)
                .status(ContentStatus.DRAFT)
                .audiences(Audience.PUBLIC)
                .text(ContentLanguage.ES, "Borrador", null, "<p>Aún no.</p>"));
        String internal = slugOf(items.item(DEMO, ContentKind.PAGE)
                .audiences(Audience.INTERNAL, Audience.CLIENTS)
                .text(ContentLanguage.ES, "Solo para la casa", null, "<p>Interno.</p>"));
        String expired = slugOf(items.item(DEMO, ContentKind.NEWS)
                .expired()
                .audiences(Audience.PUBLIC)
                .text(ContentLanguage.ES, "Caducada", null, "<p>Ya no.</p>"));
        String northwind = slugOf(items.item(NORTHWIND, ContentKind.PAGE)
                .audiences(Audience.PUBLIC)
                .text(ContentLanguage.EN, "Northwind public page", null, "<p>Hello.</p>"));

        for (String path : new String[] {
            "/p/demo/" + draft,
            "/p/demo/" + internal,
            "/p/demo/" + expired,
            "/p/demo/" + northwind,
            "/p/no-such-tenant/" + draft,
            "/p/demo/Not_A_Slug"
        }) {
            HttpResponse<String> answer = get(path, "es-ES", null);
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(answer.body()).as(path).contains("Página no encontrada").doesNotContain("Whitelabel");
            assertThat(answer.headers().allValues("Set-Cookie")).as(path).isEmpty();
        }
        assertThat(get("/p/demo/" + internal, "en-US", null).body()).contains("Page not found");
        assertThat(get("/p/northwind/" + northwind, "en-US", null).statusCode()).isEqualTo(200);
    }

    @Test
    void the_index_lists_public_pages_and_news_only() throws Exception {
        String publicTitle = "Servicios " + CmsTestItems.uniqueSlug("x");
        String internalTitle = "Interno " + CmsTestItems.uniqueSlug("x");
        items.item(DEMO, ContentKind.PAGE)
                .audiences(Audience.PUBLIC)
                .text(ContentLanguage.ES, publicTitle, "Lo que hacemos.", "<p>Todo.</p>")
                .save();
        items.item(DEMO, ContentKind.PAGE)
                .audiences(Audience.INTERNAL)
                .text(ContentLanguage.ES, internalTitle, null, "<p>Nada.</p>")
                .save();
        events.publishEvent(new ContentChanged(DEMO, UUID.randomUUID(), "any", null));

        HttpResponse<String> index = get("/p/demo", "es", null);

        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains(publicTitle).doesNotContain(internalTitle);
        assertThat(index.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void files_of_public_items_are_served_at_the_tenants_address_and_others_are_not() throws Exception {
        StoredFile image = items.file(DEMO, "taller.png", "image/png", "png bytes".getBytes(StandardCharsets.UTF_8));
        StoredFile secret =
                items.file(DEMO, "tarifas.pdf", "application/pdf", "pdf bytes".getBytes(StandardCharsets.UTF_8));
        String slug = slugOf(items.item(DEMO, ContentKind.PAGE)
                .audiences(Audience.PUBLIC)
                .attachment(image.id())
                .text(
                        ContentLanguage.ES,
                        "El taller",
                        null,
                        "<p><img src=\"/cms/files/" + image.id() + "\" alt=\"\"></p>"));
        items.item(DEMO, ContentKind.DOCUMENT)
                .audiences(Audience.CLIENTS)
                .folder(folder())
                .textFile(ContentLanguage.ES, secret.id())
                .text(ContentLanguage.ES, "Tarifas", null, "")
                .save();

        HttpResponse<String> page = get("/p/demo/" + slug, "es", null);
        HttpResponse<String> served = get("/p/demo/files/" + image.id(), "es", null);
        HttpResponse<String> refused = get("/p/demo/files/" + secret.id(), "es", null);
        HttpResponse<String> otherTenant = get("/p/northwind/files/" + image.id(), "es", null);

        assertThat(page.body())
                .contains("src=\"/p/demo/files/" + image.id() + "\"")
                .doesNotContain("/cms/files/");
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo("png bytes");
        assertThat(served.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(served.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(served.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("inline"));
        assertThat(served.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.body()).contains("Página no encontrada");
        assertThat(otherTenant.statusCode()).isEqualTo(404);
    }

    private UUID folder() {
        return items.folder(DEMO, "Tarifas " + CmsTestItems.uniqueSlug("f"), Audience.CLIENTS);
    }

    private static String slugOf(CmsTestItems.Item item) {
        item.save();
        return item.slug();
    }

    private HttpResponse<String> get(String path, String languages, String ifNoneMatch)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", BROWSER)
                .header("Accept-Language", languages);
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
