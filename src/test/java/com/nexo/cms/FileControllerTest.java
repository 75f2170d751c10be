package com.nexo.cms;

import static com.nexo.cms.CmsTestItems.DEMO;
import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.base.files.FileStorage;
import com.nexo.base.files.StoredFile;
import com.nexo.testing.HttpVisitor;
import com.nexo.testing.NexoSpringTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Content files for logged-in users over real HTTP: staff reads them, a client reads the image of an
 * item published to clients and not that of an internal one, an employee not that of an item for
 * other roles; nobody anonymous.
 */
@NexoSpringTest
class FileControllerTest {

    private static final String PASSWORD = "Demo-2026!";

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private PlatformTransactionManager transactions;

    @Autowired
    private FileStorage files;

    private CmsTestItems items;
    private StoredFile clientImage;
    private StoredFile internalImage;
    private StoredFile salesAttachment;

    @BeforeEach
    void anImageOfAClientItemAnInternalOneAndAnAttachmentForSales() {
        items = new CmsTestItems(jdbc, transactions, files);
        clientImage = items.file(DEMO, "obra.png", "image/png", "client png".getBytes(StandardCharsets.UTF_8));
        internalImage = items.file(DEMO, "plano.png", "image/png", "internal png".getBytes(StandardCharsets.UTF_8));
        salesAttachment = items.file(
                DEMO, "objetivos.xlsx", "application/vnd.ms-excel", "sales".getBytes(StandardCharsets.UTF_8));
        items.item(DEMO, ContentKind.NEWS)
                .audiences(Audience.CLIENTS, Audience.INTERNAL)
                .attachment(clientImage.id())
                .text(ContentLanguage.ES, "Obra terminada", null, "<p>Foto.</p>")
                .save();
        items.item(DEMO, ContentKind.NEWS)
                .audiences(Audience.INTERNAL)
                .attachment(internalImage.id())
                .text(ContentLanguage.ES, "Plano de la nave", null, "<p>Plano.</p>")
                .save();
        items.item(DEMO, ContentKind.NEWS)
                .audiences(Audience.INTERNAL)
                .internalRoles(items.role(DEMO, "sales"))
                .attachment(salesAttachment.id())
                .text(ContentLanguage.ES, "Objetivos", null, "<p>Hoja.</p>")
                .save();
    }

    @Test
    void staff_reads_the_files_of_content_with_private_caching() throws Exception {
        HttpVisitor staff = new HttpVisitor(port, "es").logIn("admin@demo.nexo", PASSWORD);

        HttpResponse<String> image = staff.get("/cms/files/" + clientImage.id(), "image/*");
        HttpResponse<String> sheet = staff.get("/cms/files/" + salesAttachment.id(), "*/*");

        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.body()).isEqualTo("client png");
        assertThat(image.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(image.headers().firstValue("Cache-Control")).contains("private");
        assertThat(image.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(image.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("inline"));
        assertThat(sheet.statusCode()).isEqualTo(200);
        assertThat(sheet.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("attachment"));
    }

    @Test
    void a_client_reads_the_image_of_a_client_item_and_not_that_of_an_internal_one() throws Exception {
        HttpVisitor client = new HttpVisitor(port, "es").logIn("cliente@demo.nexo", PASSWORD);

        assertThat(client.get("/cms/files/" + clientImage.id(), "image/*").statusCode())
                .isEqualTo(200);
        assertThat(client.get("/cms/files/" + internalImage.id(), "image/*").statusCode())
                .isEqualTo(404);
        assertThat(client.get("/cms/files/" + salesAttachment.id(), "*/*").statusCode())
                .isEqualTo(404);
    }

    @Test
    void an_employee_reads_files_of_items_for_its_roles_only() throws Exception {
        HttpVisitor sales = new HttpVisitor(port, "es").logIn("ventas@demo.nexo", PASSWORD);
        HttpVisitor readOnly = new HttpVisitor(port, "es").logIn("consulta@demo.nexo", PASSWORD);

        assertThat(sales.get("/cms/files/" + salesAttachment.id(), "*/*").statusCode())
                .isEqualTo(200);
        assertThat(readOnly.get("/cms/files/" + salesAttachment.id(), "*/*").statusCode())
                .isEqualTo(404);
        assertThat(readOnly.get("/cms/files/" + internalImage.id(), "image/*").statusCode())
                .isEqualTo(200);
    }

    @Test
    void nobody_anonymous_or_of_another_tenant_reads_them() throws Exception {
        HttpResponse<String> anonymous = new HttpVisitor(port, "es").get("/cms/files/" + clientImage.id(), "image/*");
        HttpVisitor otherTenant = new HttpVisitor(port, "en").logIn("admin@northwind.nexo", PASSWORD);

        assertThat(anonymous.statusCode()).isIn(302, 401, 403);
        assertThat(anonymous.body()).doesNotContain("client png");
        assertThat(otherTenant.get("/cms/files/" + clientImage.id(), "image/*").statusCode())
                .isEqualTo(404);
    }
}
