package com.nexo.cms;

import static com.nexo.cms.CmsTestItems.DEMO;
import static com.nexo.cms.CmsTestItems.NORTHWIND;
import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.base.files.FileStorage;
import com.nexo.cms.content.ContentReader;
import com.nexo.cms.content.ReadableItem;
import com.nexo.tenancy.PublicTenants;
import com.nexo.tenancy.TenantContext;
import com.nexo.testing.LoggedIn;
import com.nexo.testing.NexoSpringTest;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Reading published content as each kind of actor, through the application role: the reader's
 * language or the other; employees internal items of every employee or of their roles; each portal
 * actor only its audience (by the database's policies alone); the visitor only public items; drafts,
 * expired items and other tenants' items never.
 */
@NexoSpringTest
class ContentReaderIntegrationTest {

    @Autowired
    private ContentReader reader;

    @Autowired
    private PublicTenants publicTenants;

    @Autowired
    private UserDetailsService users;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private PlatformTransactionManager transactions;

    @Autowired
    private FileStorage files;

    private CmsTestItems items;

    @BeforeEach
    void fixtures() {
        items = new CmsTestItems(jdbc, transactions, files);
    }

    private <T> T as(String email, Supplier<T> work) {
        return LoggedIn.asUser(users, email, work);
    }

    private boolean reads(String email, UUID item) {
        return as(email, () -> reader.read(item, ContentLanguage.ES)).isPresent();
    }

    @Test
    void a_reader_gets_its_language_or_else_the_other() {
        UUID both = items.item(DEMO, ContentKind.PAGE)
                .text(ContentLanguage.ES, "Horario de verano", "Cerramos a las tres.", "<p>Cerramos.</p>")
                .text(ContentLanguage.EN, "Summer hours", "We close at three.", "<p>We close.</p>")
                .save();
        UUID englishOnly = items.item(DEMO, ContentKind.PAGE)
                .text(ContentLanguage.EN, "Safety rules", "Read them.", "<p>Helmets on.</p>")
                .save();

        ReadableItem spanish = as("consulta@demo.nexo", () -> reader.read(both, ContentLanguage.ES))
                .orElseThrow();
        ReadableItem english = as("consulta@demo.nexo", () -> reader.read(both, ContentLanguage.EN))
                .orElseThrow();
        ReadableItem fallback = as("consulta@demo.nexo", () -> reader.read(englishOnly, ContentLanguage.ES))
                .orElseThrow();

        assertThat(spanish.title()).isEqualTo("Horario de verano");
        assertThat(spanish.language()).isEqualTo(ContentLanguage.ES);
        assertThat(spanish.languages()).containsExactlyInAnyOrder(ContentLanguage.ES, ContentLanguage.EN);
        assertThat(spanish.html()).isEqualTo("<p>Cerramos.</p>");
        assertThat(english.title()).isEqualTo("Summer hours");
        assertThat(english.summary()).isEqualTo("We close at three.");
        assertThat(fallback.title()).isEqualTo("Safety rules");
        assertThat(fallback.language()).isEqualTo(ContentLanguage.EN);
        assertThat(fallback.languages()).containsExactly(ContentLanguage.EN);
    }

    @Test
    void an_internal_item_for_chosen_roles_is_read_by_their_holders_and_editors_only() {
        UUID sales = items.role(DEMO, "sales");
        UUID forSales = items.item(DEMO, ContentKind.NEWS)
                .internalRoles(sales)
                .text(ContentLanguage.ES, "Objetivos de ventas", null, "<p>Cifras.</p>")
                .save();
        UUID forEveryone = items.item(DEMO, ContentKind.NEWS)
                .text(ContentLanguage.ES, "Cena de empresa", null, "<p>Viernes.</p>")
                .save();

        assertThat(reads("ventas@demo.nexo", forSales)).isTrue();
        assertThat(reads("consulta@demo.nexo", forSales)).isFalse();
        assertThat(reads("admin@demo.nexo", forSales)).as("an editor").isTrue();
        assertThat(reads("consulta@demo.nexo", forEveryone)).isTrue();
        assertThat(as("consulta@demo.nexo", () -> reader.published(ContentKind.NEWS, null, ContentLanguage.ES, 0, 200)))
                .extracting(ReadableItem::id)
                .contains(forEveryone)
                .doesNotContain(forSales);
    }

    @Test
    void each_portal_actor_reads_its_own_audience_only() {
        UUID forClients = published(Audience.CLIENTS);
        UUID forSuppliers = published(Audience.SUPPLIERS);
        UUID forProfessionals = published(Audience.PROFESSIONALS);
        UUID internal = published(Audience.INTERNAL);
        UUID everyone = published(
                Audience.INTERNAL, Audience.CLIENTS, Audience.SUPPLIERS, Audience.PROFESSIONALS, Audience.PUBLIC);
        List<UUID> mine = List.of(forClients, forSuppliers, forProfessionals, internal, everyone);

        assertThat(readable("cliente@demo.nexo", mine)).containsExactlyInAnyOrder(forClients, everyone);
        assertThat(readable("proveedor@demo.nexo", mine)).containsExactlyInAnyOrder(forSuppliers, everyone);
        assertThat(readable("profesional@demo.nexo", mine)).containsExactlyInAnyOrder(forProfessionals, everyone);
        assertThat(readable("consulta@demo.nexo", mine)).containsExactlyInAnyOrder(internal, everyone);
        assertThat(as("cliente@demo.nexo", () -> reader.latestNews(ContentLanguage.ES, 200)))
                .extracting(ReadableItem::id)
                .contains(forClients, everyone)
                .doesNotContain(forSuppliers, forProfessionals, internal);
    }

    @Test
    void drafts_and_expired_items_are_read_by_nobody() {
        UUID draft = items.item(DEMO, ContentKind.NEWS)
                .status(ContentStatus.DRAFT)
                .audiences(Audience.INTERNAL, Audience.CLIENTS, Audience.PUBLIC)
                .text(ContentLanguage.ES, "Borrador", null, "<p>Aún no.</p>")
                .save();
        UUID expired = items.item(DEMO, ContentKind.NEWS)
                .expired()
                .audiences(Audience.INTERNAL, Audience.CLIENTS, Audience.PUBLIC)
                .text(ContentLanguage.ES, "Caducada", null, "<p>Ya no.</p>")
                .save();
        String expiredSlug = slugOf(expired);

        for (String email : List.of("admin@demo.nexo", "consulta@demo.nexo", "cliente@demo.nexo")) {
            assertThat(readable(email, List.of(draft, expired))).as(email).isEmpty();
            assertThat(as(email, () -> reader.latestNews(ContentLanguage.ES, 200)))
                    .extracting(ReadableItem::id)
                    .doesNotContain(draft, expired);
        }
        assertThat(asVisitor("demo", () -> reader.publicItem(expiredSlug, ContentLanguage.ES)))
                .isEmpty();
    }

    @Test
    void the_visitor_reads_public_items_of_the_tenant_its_address_names() {
        UUID publicPage = items.item(DEMO, ContentKind.PAGE)
                .audiences(Audience.PUBLIC)
                .text(ContentLanguage.ES, "Quiénes somos", "Talleres desde 1990.", "<p>Historia.</p>")
                .save();
        UUID clientPage = items.item(DEMO, ContentKind.PAGE)
                .audiences(Audience.CLIENTS, Audience.INTERNAL)
                .text(ContentLanguage.ES, "Tarifas de clientes", null, "<p>Precios.</p>")
                .save();
        String publicSlug = slugOf(publicPage);

        assertThat(asVisitor("demo", () -> reader.publicItem(publicSlug, ContentLanguage.EN)))
                .map(ReadableItem::title)
                .contains("Quiénes somos");
        assertThat(asVisitor("demo", () -> reader.publicItem(slugOf(clientPage), ContentLanguage.ES)))
                .isEmpty();
        assertThat(asVisitor("northwind", () -> reader.publicItem(publicSlug, ContentLanguage.ES)))
                .isEmpty();
        assertThat(asVisitor("demo", () -> reader.publicItems(ContentKind.PAGE, ContentLanguage.ES, 0, 200)))
                .extracting(ReadableItem::id)
                .contains(publicPage)
                .doesNotContain(clientPage);
    }

    @Test
    void another_tenants_items_are_invisible_even_by_id() {
        UUID demoNews = published(Audience.INTERNAL, Audience.CLIENTS);
        UUID northwindNews = items.item(NORTHWIND, ContentKind.NEWS)
                .text(ContentLanguage.EN, "Northwind picnic", null, "<p>Sunday.</p>")
                .save();

        assertThat(reads("admin@northwind.nexo", demoNews)).isFalse();
        assertThat(reads("admin@demo.nexo", northwindNews)).isFalse();
        assertThat(reads("admin@northwind.nexo", northwindNews)).isTrue();
    }

    private UUID published(Audience... audiences) {
        return items.item(DEMO, ContentKind.NEWS)
                .audiences(audiences)
                .text(ContentLanguage.ES, "Aviso " + Set.of(audiences), "Resumen.", "<p>Texto.</p>")
                .save();
    }

    private List<UUID> readable(String email, List<UUID> ids) {
        return as(
                email,
                () -> ids.stream()
                        .filter(id -> reader.read(id, ContentLanguage.ES).isPresent())
                        .toList());
    }

    private String slugOf(UUID item) {
        return items.system(
                DEMO,
                () -> jdbc.sql("SELECT slug FROM cms_item WHERE id = :id")
                        .param("id", item)
                        .query(String.class)
                        .single());
    }

    private <T> T asVisitor(String tenantCode, Supplier<T> work) {
        PublicTenants.PublicTenant tenant = publicTenants.find(tenantCode).orElseThrow();
        return TenantContext.callAsVisitor(tenant, work);
    }
}
