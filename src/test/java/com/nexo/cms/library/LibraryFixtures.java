package com.nexo.cms.library;

import com.nexo.security.UserService;
import com.nexo.security.UserService.NewUser;
import com.nexo.tenancy.ActorType;
import com.nexo.testing.LoggedIn;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the library and search tests start from, in the demo tenant: a content editor, a sales and a
 * purchasing employee (to tell internal roles apart), a unique word per fixture that keeps its items
 * apart from every other test's and the demo content, items written as plain rows of the CMS tables
 * (publication itself is the content service's), and PDFs made with PDFBox.
 */
public final class LibraryFixtures {

    public static final String ADMIN = "admin@demo.nexo";
    public static final String CLIENT = "cliente@demo.nexo";
    public static final String READ_ONLY = "consulta@demo.nexo";
    public static final String NORTHWIND = "admin@northwind.nexo";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final UserDetailsService users;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    /** A word no other test writes: a query with it finds only this fixture's items. */
    public final String tag;

    public final String editor;
    public final String seller;
    public final String buyer;

    public LibraryFixtures(ApplicationContext context) {
        this.users = context.getBean(UserDetailsService.class);
        this.jdbc = context.getBean(JdbcClient.class);
        this.transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        this.tag = "zq"
                + Long.toString(System.nanoTime(), 36).toLowerCase(Locale.ROOT).replaceAll("[0-9]", "")
                + SEQUENCE.incrementAndGet() + "x";
        this.editor = "editora-" + tag + "@demo.nexo";
        this.seller = "ventas-" + tag + "@demo.nexo";
        this.buyer = "compras-" + tag + "@demo.nexo";
        UserService userService = context.getBean(UserService.class);
        as(ADMIN, () -> {
            userService.createUser(new NewUser(
                    editor,
                    "Editora " + tag,
                    ActorType.EMPLOYEE,
                    null,
                    Set.of("content-editor"),
                    "Prueba-2026!",
                    "es"));
            userService.createUser(new NewUser(
                    seller, "Vendedor " + tag, ActorType.EMPLOYEE, null, Set.of("sales"), "Prueba-2026!", "es"));
            userService.createUser(new NewUser(
                    buyer, "Comprador " + tag, ActorType.EMPLOYEE, null, Set.of("purchasing"), "Prueba-2026!", "en"));
            return null;
        });
    }

    public <T> T as(String email, Supplier<T> action) {
        return LoggedIn.asUser(users, email, action);
    }

    public void as(String email, Runnable action) {
        as(email, () -> {
            action.run();
            return null;
        });
    }

    public UUID roleId(String code) {
        return value("SELECT id FROM role WHERE code = :code", Map.of("code", code), UUID.class);
    }

    /**
     * An item written as rows: {@code status} PUBLISHED or DRAFT, its audiences as {@code for_*} column
     * names, internal roles, and one text per language ({@code es}/{@code en} → title, body).
     */
    public UUID item(
            String kind,
            String status,
            Set<String> audiences,
            Set<UUID> internalRoles,
            UUID folder,
            Map<String, String[]> texts) {
        UUID id = UUID.randomUUID();
        String slug = "t-" + tag + "-" + SEQUENCE.incrementAndGet();
        sql(
                "INSERT INTO cms_item (id, kind, slug, status, published_at, folder_id, for_internal, for_clients,"
                        + " for_suppliers, for_professionals, for_public, internal_roles)"
                        + " VALUES (:id, :kind, :slug, :status, CASE WHEN :status = 'PUBLISHED' THEN now() END,"
                        + " CAST(nullif(:folder, '') AS uuid), :internal, :clients, :suppliers, :professionals, :public,"
                        + " CAST(:roles AS uuid[]))",
                Map.ofEntries(
                        Map.entry("id", id),
                        Map.entry("kind", kind),
                        Map.entry("slug", slug),
                        Map.entry("status", status),
                        Map.entry("folder", folder == null ? "" : folder.toString()),
                        Map.entry("internal", audiences.contains("internal")),
                        Map.entry("clients", audiences.contains("clients")),
                        Map.entry("suppliers", audiences.contains("suppliers")),
                        Map.entry("professionals", audiences.contains("professionals")),
                        Map.entry("public", audiences.contains("public")),
                        Map.entry("roles", array(internalRoles))));
        texts.forEach((lang, text) -> sql(
                "INSERT INTO cms_item_text (item_id, lang, title, body_md, file_text)"
                        + " VALUES (:id, :lang, :title, :body, :file)",
                Map.of(
                        "id",
                        id,
                        "lang",
                        lang,
                        "title",
                        text[0],
                        "body",
                        text.length > 1 ? text[1] : "",
                        "file",
                        text.length > 2 ? text[2] : "")));
        return id;
    }

    /** A folder written as a row, for these audiences ({@code for_*} names) and reader roles. */
    public UUID folder(String name, Set<String> audiences) {
        return folder(name, audiences, Set.of());
    }

    public UUID folder(String name, Set<String> audiences, Set<UUID> readerRoles) {
        UUID id = UUID.randomUUID();
        sql(
                "INSERT INTO cms_folder (id, name, for_internal, for_clients, for_suppliers, for_professionals,"
                        + " for_public, reader_roles) VALUES (:id, :name, :internal, :clients, :suppliers,"
                        + " :professionals, :public, CAST(:roles AS uuid[]))",
                Map.of(
                        "id", id,
                        "name", name,
                        "internal", audiences.contains("internal"),
                        "clients", audiences.contains("clients"),
                        "suppliers", audiences.contains("suppliers"),
                        "professionals", audiences.contains("professionals"),
                        "public", audiences.contains("public"),
                        "roles", array(readerRoles)));
        return id;
    }

    public <T> T value(String sql, Map<String, Object> params, Class<T> type) {
        return jdbc(() -> jdbc.sql(sql).params(params).query(type).single());
    }

    public void sql(String sql, Map<String, Object> params) {
        jdbc(() -> jdbc.sql(sql).params(params).update());
    }

    private <T> T jdbc(Supplier<T> statement) {
        return as(ADMIN, () -> transactions.execute(status -> statement.get()));
    }

    private static String array(Set<UUID> ids) {
        return ids.stream().map(UUID::toString).sorted().collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }

    /** A one-page PDF with these lines of text (Helvetica, WinAnsi: accents allowed). */
    public static byte[] pdf(String... lines) {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                text.newLineAtOffset(72, 720);
                for (String line : lines) {
                    text.showText(line);
                    text.newLineAtOffset(0, -16);
                }
                text.endText();
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
