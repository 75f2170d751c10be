package com.nexo.cms.demo;

import com.nexo.cms.Audience;
import com.nexo.cms.ContentKind;
import com.nexo.cms.ContentLanguage;
import com.nexo.cms.content.ContentService;
import com.nexo.cms.content.ItemDetail;
import com.nexo.cms.content.ItemDraft;
import com.nexo.cms.content.PublicationSchedule;
import com.nexo.cms.content.TextDraft;
import com.nexo.cms.library.CategoryDraft;
import com.nexo.cms.library.FolderDraft;
import com.nexo.cms.library.KnowledgeCategoryService;
import com.nexo.cms.library.LibraryService;
import com.nexo.demo.DemoData;
import com.nexo.demo.DemoTenant;
import com.nexo.demo.DemoUsers;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo tenant's CMS content, made through the CMS services by the demo content editor (so that
 * slugs, rendering, revisions and the files come out as an editor makes them): the library's folders,
 * one per audience (internal, clients, suppliers, professionals, public), each with a PDF document
 * generated with PDFBox (real text the search finds), most in both languages; news, pages and
 * knowledge-base articles for every audience in Spanish and English (a few in one language only);
 * the public page {@code quienes-somos} in both languages with public news beside it; one news item
 * scheduled a week ahead, one expired and one left as a draft. Runs once: a tenant with any CMS item
 * is left alone; the second tenant gets none.
 */
@Component
@Order(70)
@ConditionalOnBooleanProperty("nexo.demo.enabled")
class DemoCms implements DemoData {

    private static final Logger LOG = LoggerFactory.getLogger(DemoCms.class);

    /** The demo tenant's content editor (role content-editor), who writes and publishes it all. */
    static final String EDITOR = "contenidos@demo.nexo";

    /** The public page about the company, in both languages. */
    static final String ABOUT_US = "quienes-somos";

    /** When an item goes out. */
    enum Timing {
        NOW,
        /** Published a week from now by the schedule. */
        SCHEDULED,
        /** Published, then ended a moment ago: the schedule expires it. */
        EXPIRED,
        DRAFT
    }

    /** One item: Spanish and English texts (either may be null), audiences and when it goes out. */
    record Entry(
            ContentKind kind,
            String slug,
            Set<Audience> audiences,
            Timing timing,
            String titleEs,
            String summaryEs,
            String bodyEs,
            String titleEn,
            String summaryEn,
            String bodyEn) {}

    private static final Set<Audience> INTERNAL = Set.of(Audience.INTERNAL);
    private static final Set<Audience> CLIENTS = Set.of(Audience.CLIENTS);
    private static final Set<Audience> SUPPLIERS = Set.of(Audience.SUPPLIERS);
    private static final Set<Audience> PROFESSIONALS = Set.of(Audience.PROFESSIONALS);
    private static final Set<Audience> PUBLIC = Set.of(Audience.PUBLIC, Audience.INTERNAL);

    static final List<Entry> ENTRIES = List.of(
            new Entry(
                    ContentKind.PAGE,
                    ABOUT_US,
                    PUBLIC,
                    Timing.NOW,
                    "Quiénes somos",
                    "Talleres Nexo fabrica estanterías, bancos de trabajo y estructuras metálicas a medida desde 1987.",
                    """
                    ## Un taller de calderería con 35 años de oficio

                    En **Talleres Nexo** cortamos, soldamos, montamos y pintamos estructuras metálicas: estanterías
                    industriales, bancos de trabajo, bastidores y piezas a medida para la hostelería, la logística
                    y la industria.

                    - Corte y plegado de chapa galvanizada
                    - Soldadura MIG y TIG
                    - Pintura epoxi en cabina propia

                    Nos encontrarás en el polígono industrial de Getafe (Madrid), de lunes a viernes de 8:00 a 17:00.
                    """,
                    "About us",
                    "Talleres Nexo has made shelving, workbenches and bespoke steel structures since 1987.",
                    """
                    ## A metalwork shop with 35 years of craft

                    At **Talleres Nexo** we cut, weld, assemble and paint steel structures: industrial shelving,
                    workbenches, frames and bespoke parts for hospitality, logistics and industry.

                    - Cutting and folding of galvanised sheet
                    - MIG and TIG welding
                    - Epoxy painting in our own booth

                    Find us in the Getafe industrial estate (Madrid), Monday to Friday from 8:00 to 17:00.
                    """),
            new Entry(
                    ContentKind.PAGE,
                    "politica-de-privacidad",
                    PUBLIC,
                    Timing.NOW,
                    "Política de privacidad",
                    "Cómo tratamos los datos personales de clientes, proveedores y visitantes.",
                    """
                    Talleres Nexo, S.L. trata los datos de contacto de clientes y proveedores para gestionar
                    pedidos, facturas y entregas. No los cedemos a terceros salvo obligación legal.

                    Puedes ejercer tus derechos de acceso, rectificación y supresión escribiendo a
                    [privacidad@demo.nexo](mailto:privacidad@demo.nexo).
                    """,
                    null,
                    null,
                    null),
            new Entry(
                    ContentKind.PAGE,
                    "portal-de-clientes",
                    CLIENTS,
                    Timing.NOW,
                    "Bienvenido al portal de clientes",
                    "Tus pedidos, facturas y documentos en un solo sitio.",
                    """
                    Desde el portal puedes consultar tus **pedidos**, descargar tus **facturas** y los
                    catálogos y fichas técnicas de la biblioteca de documentos.
                    """,
                    "Welcome to the client portal",
                    "Your orders, invoices and documents in one place.",
                    """
                    From the portal you can follow your **orders**, download your **invoices** and the
                    catalogues and data sheets of the document library.
                    """),
            new Entry(
                    ContentKind.PAGE,
                    "guia-para-proveedores",
                    SUPPLIERS,
                    Timing.NOW,
                    "Guía para proveedores",
                    "Horarios de descarga, albaranes y facturación.",
                    """
                    Recepción de mercancía de **7:30 a 13:00**. Cada entrega lleva albarán con el número de
                    nuestro pedido de compra; las facturas se envían a facturas@demo.nexo.
                    """,
                    "Supplier guide",
                    "Unloading hours, delivery notes and invoicing.",
                    """
                    Goods are received from **7:30 to 13:00**. Every delivery carries a delivery note with our
                    purchase order number; invoices go to facturas@demo.nexo.
                    """),
            new Entry(
                    ContentKind.PAGE,
                    "normas-del-taller",
                    INTERNAL,
                    Timing.NOW,
                    "Normas del taller",
                    "Lo que todos cumplimos en la nave.",
                    """
                    1. Botas y gafas de seguridad siempre puestas en la nave.
                    2. Cada puesto se deja limpio al final del turno.
                    3. Las averías se comunican al encargado en el momento.
                    """,
                    null,
                    null,
                    null),
            new Entry(
                    ContentKind.NEWS,
                    "nueva-cortadora-laser",
                    INTERNAL,
                    Timing.NOW,
                    "Nueva cortadora láser en el taller",
                    "Desde el lunes cortamos chapa de hasta 12 mm con la nueva máquina de fibra.",
                    "La formación para los operarios de corte será el **martes a las 9:00** junto a la máquina.",
                    "A new laser cutter in the workshop",
                    "From Monday we cut sheet up to 12 mm with the new fibre machine.",
                    "Training for the cutting operators is on **Tuesday at 9:00** next to the machine."),
            new Entry(
                    ContentKind.NEWS,
                    "comida-de-fin-de-ano",
                    INTERNAL,
                    Timing.NOW,
                    "Comida de empresa de fin de año",
                    "El viernes 19 de diciembre, a las 14:00, en el restaurante de siempre.",
                    "Confirma tu asistencia a Ana antes del día 12.",
                    null,
                    null,
                    null),
            new Entry(
                    ContentKind.NEWS,
                    "plan-de-formacion-2027",
                    INTERNAL,
                    Timing.DRAFT,
                    "Plan de formación 2027 (borrador)",
                    "Cursos de soldadura, prevención y carretillas.",
                    "Pendiente de aprobar por la dirección.",
                    "Training plan 2027 (draft)",
                    "Welding, safety and forklift courses.",
                    "Awaiting the management's approval."),
            new Entry(
                    ContentKind.NEWS,
                    "catalogo-estanterias-2027",
                    CLIENTS,
                    Timing.NOW,
                    "Nuevo catálogo de estanterías 2027",
                    "Más medidas, baldas reforzadas y plazos de entrega más cortos.",
                    "Descárgalo en la biblioteca de documentos del portal, carpeta **Clientes**.",
                    "New 2027 shelving catalogue",
                    "More sizes, reinforced shelves and shorter delivery times.",
                    "Download it from the portal's document library, folder **Clients**."),
            new Entry(
                    ContentKind.NEWS,
                    "rebajas-de-enero",
                    CLIENTS,
                    Timing.SCHEDULED,
                    "Rebajas de enero: 15 % en bancos de trabajo",
                    "Del 7 al 31 de enero, en todos los bancos de trabajo del catálogo.",
                    "Pide tu presupuesto a tu comercial habitual.",
                    "January sale: 15% off workbenches",
                    "From 7 to 31 January, on every workbench of the catalogue.",
                    "Ask your usual sales contact for a quote."),
            new Entry(
                    ContentKind.NEWS,
                    "entregas-en-el-almacen",
                    SUPPLIERS,
                    Timing.NOW,
                    "Nuevas condiciones de entrega en el almacén",
                    "A partir de enero, las entregas se citan con 24 horas de antelación.",
                    "Reserva tu hueco de descarga llamando al almacén o por correo a almacen@demo.nexo.",
                    "New delivery terms at the warehouse",
                    "From January, deliveries are booked 24 hours ahead.",
                    "Book your unloading slot by phoning the warehouse or mailing almacen@demo.nexo."),
            new Entry(
                    ContentKind.NEWS,
                    "painting-schedule-january",
                    PROFESSIONALS,
                    Timing.NOW,
                    null,
                    null,
                    null,
                    "Painting schedule for January",
                    "The painting booth is booked for outside professionals on Tuesdays and Thursdays.",
                    "Send your hours for each order through the portal by Friday of each week."),
            new Entry(
                    ContentKind.NEWS,
                    "feria-metalmadrid",
                    PUBLIC,
                    Timing.NOW,
                    "Talleres Nexo en la feria MetalMadrid",
                    "Te esperamos en el stand 4C18 con nuestras nuevas estanterías.",
                    "Del 19 al 20 de noviembre en IFEMA, Madrid.",
                    "Talleres Nexo at the MetalMadrid fair",
                    "Visit us at stand 4C18 to see our new shelving.",
                    "19 to 20 November at IFEMA, Madrid."),
            new Entry(
                    ContentKind.NEWS,
                    "cerrado-8-de-diciembre",
                    PUBLIC,
                    Timing.NOW,
                    "Cerrado el 8 de diciembre",
                    "La fábrica y la oficina cierran por el festivo de la Inmaculada.",
                    "Volvemos el martes 9 a las 8:00.",
                    "Closed on 8 December",
                    "The factory and the office close for the public holiday.",
                    "We are back on Tuesday 9 at 8:00."),
            new Entry(
                    ContentKind.NEWS,
                    "oferta-de-otono",
                    PUBLIC,
                    Timing.EXPIRED,
                    "Oferta de otoño",
                    "Envío gratis en pedidos de más de 500 €.",
                    "Oferta válida hasta fin de existencias.",
                    "Autumn offer",
                    "Free delivery on orders over €500.",
                    "While stocks last."),
            new Entry(
                    ContentKind.ARTICLE,
                    "registrar-horas-en-el-taller",
                    INTERNAL,
                    Timing.NOW,
                    "Cómo registrar horas en el taller",
                    "El registro de tiempos de cada orden desde la pantalla de planta.",
                    """
                    1. Abre **Producción > Planta**.
                    2. Pulsa *Empezar* en la tarjeta de la orden.
                    3. Al terminar, registra las horas y las unidades hechas.
                    """,
                    "How to record hours in the workshop",
                    "Recording the time of each order on the shop-floor screen.",
                    """
                    1. Open **Production > Shop floor**.
                    2. Press *Start* on the order's card.
                    3. When done, record the hours and the units made.
                    """),
            new Entry(
                    ContentKind.ARTICLE,
                    "seguridad-cabina-de-pintura",
                    Set.of(Audience.INTERNAL, Audience.PROFESSIONALS),
                    Timing.NOW,
                    "Normas de seguridad en la cabina de pintura",
                    "Ventilación, mascarilla y gestión de residuos de pintura.",
                    """
                    - Enciende la extracción **antes** de abrir la pintura.
                    - Mascarilla con filtro A2P3 durante todo el pintado.
                    - Los botes vacíos van al contenedor de residuos peligrosos.
                    """,
                    "Safety rules in the painting booth",
                    "Ventilation, masks and paint waste.",
                    """
                    - Switch the extraction on **before** opening the paint.
                    - Wear an A2P3 mask for the whole painting.
                    - Empty tins go to the hazardous waste container.
                    """),
            new Entry(
                    ContentKind.ARTICLE,
                    "descargar-facturas-en-el-portal",
                    CLIENTS,
                    Timing.NOW,
                    "Cómo descargar tus facturas en el portal",
                    "Tus facturas en PDF, cuando las necesites.",
                    "En el portal, abre **Facturas**, busca la factura y pulsa *Descargar PDF*.",
                    "How to download your invoices from the portal",
                    "Your invoices as PDF, whenever you need them.",
                    "In the portal, open **Invoices**, find the invoice and press *Download PDF*."),
            new Entry(
                    ContentKind.ARTICLE,
                    "confirmar-un-pedido-de-compra",
                    SUPPLIERS,
                    Timing.NOW,
                    "Cómo confirmar un pedido de compra",
                    "Confirma plazos y cantidades desde el portal de proveedores.",
                    "Abre el pedido en el portal, revisa las líneas y pulsa *Confirmar*.",
                    "How to confirm a purchase order",
                    "Confirm dates and quantities from the supplier portal.",
                    "Open the order in the portal, check its lines and press *Confirm*."),
            new Entry(
                    ContentKind.ARTICLE,
                    "record-your-hours",
                    PROFESSIONALS,
                    Timing.NOW,
                    null,
                    null,
                    null,
                    "How to record your hours as a professional",
                    "Your time on each task, for the monthly settlement.",
                    "Open **My tasks** in the portal, pick the task and enter the hours of each day."));

    /** A knowledge-base category: slug, parent's slug (null at the top), Spanish and English names. */
    record Category(String slug, String parent, String nameEs, String nameEn) {}

    static final List<Category> CATEGORIES = List.of(
            new Category("taller", null, "Taller", "Workshop"),
            new Category("seguridad", "taller", "Seguridad", "Safety"),
            new Category("portal", null, "Portal y cuentas", "Portal and accounts"));

    /** The category of each article, by slugs. */
    static final Map<String, String> ARTICLE_CATEGORIES = Map.of(
            "registrar-horas-en-el-taller", "taller",
            "seguridad-cabina-de-pintura", "seguridad",
            "descargar-facturas-en-el-portal", "portal",
            "confirmar-un-pedido-de-compra", "portal",
            "record-your-hours", "portal");

    /** A library folder and its document (a PDF per language; the English one may be missing). */
    record Library(
            String folder,
            Set<Audience> audiences,
            String titleEs,
            List<String> textEs,
            String titleEn,
            List<String> textEn) {}

    static final List<Library> LIBRARY = List.of(
            new Library(
                    "Interno",
                    INTERNAL,
                    "Manual de prevención de riesgos laborales",
                    List.of(
                            "Este manual recoge los riesgos de cada puesto del taller y las medidas de prevención.",
                            "Corte: guantes anticorte, gafas y protección auditiva. Soldadura: pantalla, guantes y ropa ignífuga.",
                            "Pintura: mascarilla con filtro, extracción encendida y residuos al contenedor de peligrosos."),
                    "Occupational safety handbook",
                    List.of(
                            "This handbook lists the hazards of each workstation of the workshop and how to prevent them.",
                            "Cutting: cut-resistant gloves, goggles and ear protection. Welding: helmet, gloves and flame-retardant clothing.",
                            "Painting: filter mask, extraction on and waste to the hazardous container.")),
            new Library(
                    "Clientes",
                    Set.of(Audience.CLIENTS),
                    "Catálogo de estanterías metálicas 2027",
                    List.of(
                            "Estanterías metálicas de 5 baldas en acero galvanizado, de 90 a 180 cm de ancho.",
                            "Carga por balda de hasta 150 kg. Montaje sin tornillos y pintura epoxi gris RAL 7035.",
                            "Bancos de trabajo con tablero de haya y cajonera opcional."),
                    "Steel shelving catalogue 2027",
                    List.of(
                            "Five-shelf steel shelving in galvanised steel, from 90 to 180 cm wide.",
                            "Up to 150 kg per shelf. Boltless assembly and grey RAL 7035 epoxy paint.",
                            "Workbenches with a beech top and an optional drawer unit.")),
            new Library(
                    "Proveedores",
                    SUPPLIERS,
                    "Condiciones generales de compra",
                    List.of(
                            "Todo pedido de compra se confirma por escrito en 48 horas.",
                            "Las entregas llevan albarán con el número de pedido; las facturas se pagan a 60 días.",
                            "El material no conforme se devuelve a portes debidos."),
                    null,
                    null),
            new Library(
                    "Profesionales",
                    PROFESSIONALS,
                    "Guía de calidad para trabajos de pintura",
                    List.of(
                            "Preparación: desengrasado y lijado de toda la superficie antes de pintar.",
                            "Espesor de pintura epoxi entre 60 y 80 micras, medido en tres puntos por pieza.",
                            "Curado en horno a 180 grados durante 20 minutos."),
                    "Quality guide for painting work",
                    List.of(
                            "Preparation: degrease and sand the whole surface before painting.",
                            "Epoxy coating between 60 and 80 microns, measured at three points on each part.",
                            "Cure in the oven at 180 degrees for 20 minutes.")),
            new Library(
                    "Público",
                    Set.of(Audience.PUBLIC),
                    "Certificado de calidad ISO 9001",
                    List.of(
                            "Talleres Nexo, S.L. tiene un sistema de gestión de la calidad certificado según la norma ISO 9001:2015.",
                            "Alcance: diseño, fabricación y pintura de estructuras y mobiliario metálico."),
                    "ISO 9001 quality certificate",
                    List.of(
                            "Talleres Nexo, S.L. runs a quality management system certified to ISO 9001:2015.",
                            "Scope: design, manufacture and painting of steel structures and furniture.")));

    private final ContentService content;
    private final LibraryService library;
    private final KnowledgeCategoryService categories;
    private final PublicationSchedule schedule;
    private final DemoUsers users;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DemoCms(
            ContentService content,
            LibraryService library,
            KnowledgeCategoryService categories,
            PublicationSchedule schedule,
            DemoUsers users,
            JdbcClient jdbc,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.content = content;
        this.library = library;
        this.categories = categories;
        this.schedule = schedule;
        this.users = users;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @Override
    public void seed(DemoTenant tenant) {
        if (tenant != DemoTenant.DEMO || seeded()) {
            return;
        }
        int[] made = {0, 0};
        boolean ran = users.runAs(
                EDITOR,
                () -> transactions.executeWithoutResult(status -> {
                    if (seeded()) {
                        return;
                    }
                    Map<String, UUID> categoryIds = new HashMap<>();
                    int position = 0;
                    for (Category category : CATEGORIES) {
                        categoryIds.put(
                                category.slug(),
                                categories.create(new CategoryDraft(
                                        category.parent() == null ? null : categoryIds.get(category.parent()),
                                        category.slug(),
                                        category.nameEs(),
                                        category.nameEn(),
                                        position++)));
                    }
                    for (Entry entry : ENTRIES) {
                        String category = ARTICLE_CATEGORIES.get(entry.slug());
                        item(entry, category == null ? null : categoryIds.get(category));
                        made[0]++;
                    }
                    for (Library shelf : LIBRARY) {
                        document(shelf);
                        made[1]++;
                    }
                }));
        if (ran) {
            // The expired item's expiry has passed: the schedule's own run (system work) expires it.
            transactions.executeWithoutResult(status -> schedule.applyDue());
            LOG.info("Demo CMS: {} items, {} library folders with a document", made[0], made[1]);
        } else {
            LOG.warn("Demo CMS skipped: the demo content editor {} does not exist", EDITOR);
        }
    }

    private boolean seeded() {
        return Boolean.TRUE.equals(transactions.execute(status -> jdbc.sql("SELECT EXISTS (SELECT 1 FROM cms_item)")
                .query(Boolean.class)
                .single()));
    }

    private UUID item(Entry entry, UUID category) {
        Instant now = clock.instant();
        Instant publishAt = entry.timing() == Timing.SCHEDULED ? now.plus(Duration.ofDays(7)) : null;
        Map<ContentLanguage, TextDraft> texts = new EnumMap<>(ContentLanguage.class);
        if (entry.titleEs() != null) {
            texts.put(
                    ContentLanguage.ES,
                    new TextDraft(
                            entry.titleEs(), entry.summaryEs(), entry.bodyEs().strip()));
        }
        if (entry.titleEn() != null) {
            texts.put(
                    ContentLanguage.EN,
                    new TextDraft(
                            entry.titleEn(), entry.summaryEn(), entry.bodyEn().strip()));
        }
        UUID id = content.create(new ItemDraft(
                entry.kind(), entry.slug(), category, null, entry.audiences(), Set.of(), publishAt, null, texts));
        if (entry.timing() != Timing.DRAFT) {
            content.publish(id, content.get(id).version());
        }
        if (entry.timing() == Timing.EXPIRED) {
            // Published, then its end set to a moment ago, as an editor ends an offer.
            content.update(
                    id,
                    content.get(id).version(),
                    new ItemDraft(
                            entry.kind(),
                            entry.slug(),
                            category,
                            null,
                            entry.audiences(),
                            Set.of(),
                            null,
                            now.minus(Duration.ofMinutes(1)),
                            texts),
                    "Fin de la oferta");
        }
        return id;
    }

    private void document(Library shelf) {
        UUID folder =
                library.createFolder(new FolderDraft(null, shelf.folder(), shelf.audiences(), Set.of(), Set.of()));
        UUID document = library.upload(
                folder,
                ContentLanguage.ES,
                shelf.titleEs(),
                fileName(shelf.titleEs()),
                "application/pdf",
                new ByteArrayInputStream(DemoPdf.of(shelf.titleEs(), shelf.textEs())));
        if (shelf.titleEn() != null) {
            // The English text with its own title, then its own file.
            ItemDetail detail = content.get(document);
            Map<ContentLanguage, TextDraft> texts = new EnumMap<>(ContentLanguage.class);
            texts.put(
                    ContentLanguage.ES,
                    new TextDraft(shelf.titleEs(), shelf.textEs().getFirst(), ""));
            texts.put(
                    ContentLanguage.EN,
                    new TextDraft(shelf.titleEn(), shelf.textEn().getFirst(), ""));
            content.update(
                    document,
                    detail.version(),
                    new ItemDraft(
                            ContentKind.DOCUMENT,
                            detail.slug(),
                            null,
                            folder,
                            detail.audiences(),
                            detail.internalRoles(),
                            null,
                            null,
                            texts),
                    null);
            library.replace(
                    document,
                    content.get(document).version(),
                    ContentLanguage.EN,
                    fileName(shelf.titleEn()),
                    "application/pdf",
                    new ByteArrayInputStream(DemoPdf.of(shelf.titleEn(), shelf.textEn())));
        }
        content.publish(document, content.get(document).version());
    }

    private static String fileName(String title) {
        String folded = java.text.Normalizer.normalize(title, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        return folded + ".pdf";
    }
}
