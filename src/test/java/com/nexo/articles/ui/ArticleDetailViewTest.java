package com.nexo.articles.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.nexo.articles.catalogue.ArticleDetails;
import com.nexo.articles.catalogue.ArticleForm;
import com.nexo.articles.catalogue.ArticleKind;
import com.nexo.articles.catalogue.ArticleQuery;
import com.nexo.articles.catalogue.ArticleRow;
import com.nexo.articles.catalogue.ArticleService;
import com.nexo.articles.pages.ArticlePageService;
import com.nexo.articles.stock.BalanceRow;
import com.nexo.articles.stock.CostChange;
import com.nexo.articles.stock.MovementRow;
import com.nexo.articles.stock.MovementType;
import com.nexo.articles.stock.StockEntry;
import com.nexo.articles.stock.StockService;
import com.nexo.articles.stock.StockValuation;
import com.nexo.articles.units.UnitOfMeasure;
import com.nexo.articles.units.UnitService;
import com.nexo.articles.warehouses.Warehouse;
import com.nexo.articles.warehouses.WarehouseService;
import com.nexo.base.ui.ConflictNotice;
import com.nexo.base.ui.QuickSearchField;
import com.nexo.security.CurrentUser;
import com.nexo.security.NexoUser;
import com.nexo.security.UserService;
import com.nexo.security.UserService.NewUser;
import com.nexo.security.roles.RoleService;
import com.nexo.security.roles.RoleService.RoleDraft;
import com.nexo.shell.ui.NotFoundView;
import com.nexo.tenancy.ActorType;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.router.AccessDeniedException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.ConfigurableTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/** One article's page: data, stock per warehouse, movements, timeline, and what each user may do. */
class ArticleDetailViewTest extends KaribuTest {

    @Autowired
    private ArticleService articles;

    @Autowired
    private StockService stock;

    @Autowired
    private StockValuation valuation;

    @Autowired
    private UnitService units;

    @Autowired
    private WarehouseService warehouses;

    @Autowired
    private UserService users;

    @Autowired
    private RoleService roles;

    @Autowired
    private PlatformTransactionManager transactions;

    @Autowired
    private com.nexo.articles.categories.CategoryService categories;

    private String code;
    private UUID id;
    private Warehouse warehouse;
    private UUID supplier;

    /** A stock-tracked article with twelve received and two issued in the first active warehouse. */
    @BeforeEach
    void anArticleWithTwoMovements() {
        login("admin@demo.nexo");
        code = "KD-"
                + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 45), 36)
                        .toUpperCase();
        UUID unit = units.listUnits().stream()
                .filter(value -> value.getCode().equals("ud"))
                .map(UnitOfMeasure::getId)
                .findFirst()
                .orElseThrow();
        // The demo catalogue buys this bolt from a supplier: the new article shares it.
        supplier = articles.listArticles(ArticleQuery.matching("TOR-DIN933-M6X20"), 0, 1)
                .getFirst()
                .defaultSupplierId();
        id = articles.createArticle(new ArticleForm(
                code,
                ArticleKind.GOODS,
                "Válvula de bola " + code,
                "Ball valve " + code,
                "Latón, rosca de media pulgada",
                "Brass, half-inch thread",
                null,
                unit,
                null,
                new BigDecimal("14.50"),
                new BigDecimal("8.20"),
                new BigDecimal("21"),
                supplier,
                true));
        warehouse = warehouses.listWarehouses().stream()
                .filter(Warehouse::isActive)
                .findFirst()
                .orElseThrow();
        stock.receive(StockEntry.of(id, warehouse.getId(), new BigDecimal("12"), "Albarán 501"));
        stock.issue(StockEntry.of(id, warehouse.getId(), new BigDecimal("2"), "Pedido 9"));
    }

    @Test
    void shows_the_articles_data_its_stock_per_warehouse_and_its_movements_newest_first() {
        open();
        ArticleDetailView view = _get(ArticleDetailView.class);

        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo(code + " · Válvula de bola " + code);
        assertThat(view.getElement().getTextRecursively())
                .contains(
                        "Válvula de bola " + code,
                        "Ball valve " + code,
                        "Mercancía",
                        "Activo",
                        "Latón, rosca de media pulgada",
                        "14,50",
                        "8,20",
                        "Controla existencias");
        assertThat(_get(view, Anchor.class, spec -> spec.withClasses("article-supplier"))
                        .getHref())
                .isEqualTo("accounts/" + supplier);
        List<BalanceRow> balances = GridKt._fetch(view.balances, 0, 10);
        assertThat(balances).singleElement().satisfies(row -> {
            assertThat(row.warehouseCode()).isEqualTo(warehouse.getCode());
            assertThat(row.onHand()).isEqualByComparingTo("10");
        });
        assertThat(GridKt._getFormattedRow(view.balances, 0)).contains("10 ud");

        List<MovementRow> movements = GridKt._fetch(view.movements, 0, 10);
        assertThat(movements).extracting(MovementRow::type).containsExactly(MovementType.ISSUE, MovementType.RECEIPT);
        String admin = CurrentUser.get().map(NexoUser::displayName).orElseThrow();
        assertThat(GridKt._getFormattedRow(view.movements, 0)).contains("Pedido 9", admin);
        assertThat(GridKt._getFormattedRow(view.movements, 1)).contains("Albarán 501");
    }

    @Test
    void the_cost_section_shows_receipts_at_cost_and_costs_typed_in_the_form_newest_first() {
        open();
        ArticleDetailView view = _get(ArticleDetailView.class);
        assertThat(GridKt._fetch(view.costChanges, 0, 10)).isEmpty();
        assertThat(view.getElement().getTextRecursively()).contains("Coste");

        // 10 on hand at 8.20 and 10 more at 9: 8.60.
        valuation.receiveAtCost(
                StockEntry.of(id, warehouse.getId(), new BigDecimal("10"), "Compra")
                        .withSource("purchase_receipt", "AC-77"),
                new BigDecimal("9"));
        open();
        view = _get(ArticleDetailView.class);
        _click(_get(Button.class, spec -> spec.withText("Editar")));
        ArticleFormDialog dialog = _get(ArticleFormDialog.class);
        assertThat(dialog.cost.getValue()).isEqualByComparingTo("8.6");
        dialog.cost.setValue(new BigDecimal("8.75"));
        _click(dialog.save);
        expectNotifications("Artículo " + code + " guardado.");

        view = _get(ArticleDetailView.class);
        List<CostChange> changes = GridKt._fetch(view.costChanges, 0, 10);
        assertThat(changes).extracting(CostChange::sourceType).containsExactly(CostChange.MANUAL, "purchase_receipt");
        String manual = GridKt._getFormattedRow(view.costChanges, 0).toString();
        // Prices print as euros ("8,60 €", with a no-break space).
        assertThat(manual).containsPattern("8,60\\h€ → 8,75\\h€").contains("Cambio manual");
        String receipt = GridKt._getFormattedRow(view.costChanges, 1).toString();
        assertThat(receipt)
                .containsPattern("8,20\\h€ → 8,60\\h€")
                .containsPattern("10 ud a 9,00\\h€ la unidad")
                .contains("Albarán de compra AC-77")
                .as("the source by its label and number, never its code")
                .doesNotContain("purchase_receipt")
                .doesNotContain("Recepción ·");
        assertThat(view.getElement().getTextRecursively()).containsPattern("8,75\\h€");
    }

    @Test
    void the_movement_list_reads_on_past_the_first_page_by_key() {
        // 2 movements from the set-up and 58 more: the page's read brings the first 50, scrolling the rest.
        for (int i = 1; i <= 58; i++) {
            stock.receive(StockEntry.of(id, warehouse.getId(), BigDecimal.ONE, "Lote " + i));
        }
        open();
        ArticleDetailView view = _get(ArticleDetailView.class);

        List<MovementRow> all = GridKt._fetch(view.movements, 0, 100);
        assertThat(all).hasSize(60);
        assertThat(all).extracting(MovementRow::id).doesNotHaveDuplicates();
        assertThat(all.get(0).reason()).isEqualTo("Lote 58");
        assertThat(all.get(59).reason()).isEqualTo("Albarán 501");
        // A window across the end of the first page, and one past it, read as the grid asks for them.
        assertThat(GridKt._fetch(view.movements, 45, 10))
                .extracting(MovementRow::reason)
                .containsExactly(
                        "Lote 13", "Lote 12", "Lote 11", "Lote 10", "Lote 9", "Lote 8", "Lote 7", "Lote 6", "Lote 5",
                        "Lote 4");
        assertThat(GridKt._fetch(view.movements, 55, 10))
                .extracting(MovementRow::reason)
                .containsExactly("Lote 3", "Lote 2", "Lote 1", "Pedido 9", "Albarán 501");
    }

    @Test
    void clicking_an_article_in_the_list_opens_its_page() {
        UI.getCurrent().navigate(ArticleListView.class);
        _get(QuickSearchField.class).setValue(code);
        @SuppressWarnings("unchecked")
        Grid<ArticleRow> grid = _get(Grid.class);

        GridKt._clickItem(grid, 0);

        assertThat(_get(ArticleDetailView.class).getElement().getTextRecursively())
                .contains("Válvula de bola " + code);
    }

    @Test
    void an_edit_through_the_form_shows_on_the_page_and_in_the_timeline() {
        open();
        _click(_get(Button.class, spec -> spec.withText("Editar")));
        ArticleFormDialog dialog = _get(ArticleFormDialog.class);
        dialog.nameEs.setValue("Válvula de esfera " + code);

        _click(dialog.save);

        expectNotifications("Artículo " + code + " guardado.");
        ArticleDetailView view = _get(ArticleDetailView.class);
        assertThat(view.getElement().getTextRecursively()).contains("Válvula de esfera " + code);
        assertThat(view.timeline.getElement().getTextRecursively())
                .contains(
                        "cambió el artículo",
                        "Nombre en español",
                        "Válvula de bola " + code + " → Válvula de esfera " + code,
                        "creó el artículo");
        assertThat(articles.loadArticle(id).form().defaultSupplierId())
                .as("the form has no supplier field and keeps the supplier")
                .isEqualTo(supplier);
    }

    @Test
    void a_save_over_someone_elses_change_shows_their_change_and_saves_after_loading_their_version() {
        open();
        _click(_get(Button.class, spec -> spec.withText("Editar")));
        ArticleFormDialog dialog = _get(ArticleFormDialog.class);
        ArticleDetails meanwhile = articles.loadArticle(id);
        ArticleForm theirs = meanwhile.form();
        articles.update((new ArticleForm(
                        theirs.code(),
                        theirs.kind(),
                        theirs.nameEs(),
                        theirs.nameEn(),
                        theirs.descriptionEs(),
                        theirs.descriptionEn(),
                        theirs.categoryId(),
                        theirs.unitId(),
                        theirs.barcode(),
                        new BigDecimal("15.75"),
                        theirs.cost(),
                        theirs.taxRate(),
                        theirs.defaultSupplierId(),
                        theirs.stockTracked()))
                .withIdentity(id, meanwhile.version()));
        dialog.nameEn.setValue("Ball valve, brass " + code);

        _click(dialog.save);

        ConflictNotice notice = _get(dialog, ConflictNotice.class);
        assertThat(notice.isShown()).isTrue();
        assertThat(notice.getElement().getTextRecursively()).contains("Precio de venta", "15,75\u00a0€");
        assertThat(articles.loadArticle(id).form().nameEn()).isEqualTo("Ball valve " + code);

        _click(_get(notice, Button.class, spec -> spec.withText("Cargar su versión")));
        assertThat(dialog.salePrice.getValue()).isEqualByComparingTo("15.75");
        dialog.nameEn.setValue("Ball valve, brass " + code);
        _click(dialog.save);

        ArticleForm saved = articles.loadArticle(id).form();
        assertThat(saved.nameEn()).isEqualTo("Ball valve, brass " + code);
        assertThat(saved.salePrice()).isEqualByComparingTo("15.75");
        assertThat(_get(ArticleDetailView.class).getElement().getTextRecursively())
                .contains("15,75");
    }

    @Test
    void an_article_with_movements_cannot_be_deleted_but_can_be_archived_and_restored() {
        open();
        _click(_get(Button.class, spec -> spec.withText("Eliminar")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        expectNotifications("El artículo tiene movimientos de existencias: archívalo en su lugar.");
        assertThat(articles.loadArticle(id).archived()).isFalse();

        _click(_get(Button.class, spec -> spec.withText("Archivar")));
        expectNotifications("Artículo archivado. Ya no aparece entre los activos.");
        assertThat(articles.loadArticle(id).archived()).isTrue();
        assertThat(_get(ArticleDetailView.class).getElement().getTextRecursively())
                .contains("Archivado");

        _click(_get(Button.class, spec -> spec.withText("Recuperar")));
        assertThat(articles.loadArticle(id).archived()).isFalse();
    }

    @Test
    void a_picture_uploaded_on_the_page_shows_there_a_wrong_file_is_refused_and_the_picture_can_be_removed() {
        open();
        _assertNone(com.vaadin.flow.component.html.Image.class);

        com.github.mvysny.kaributesting.v10.UploadKt._upload(
                _get(ArticlePictureUpload.class), "notas.txt", "text/plain", "no soy una imagen".getBytes());
        expectNotifications("La imagen debe ser PNG, JPEG o WebP.");
        assertThat(articles.image(id)).isEmpty();

        com.github.mvysny.kaributesting.v10.UploadKt._upload(
                _get(ArticlePictureUpload.class), "tornillo.png", "image/png", TINY_PNG);
        expectNotifications("Imagen guardada.");
        assertThat(articles.image(id)).hasValueSatisfying(image -> {
            assertThat(image.contentType()).isEqualTo("image/png");
            assertThat(image.content()).isEqualTo(TINY_PNG);
        });
        _get(com.vaadin.flow.component.html.Image.class);

        _click(_get(Button.class, spec -> spec.withText("Quitar imagen")));
        expectNotifications("Imagen quitada.");
        assertThat(articles.image(id)).isEmpty();
        _assertNone(com.vaadin.flow.component.html.Image.class);
    }

    /** A 1×1 transparent PNG. */
    private static final byte[] TINY_PNG = java.util.Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    @Test
    void the_read_only_user_sees_the_article_and_its_stock_without_edit_archive_or_delete() {
        switchUser("consulta@demo.nexo");
        open();

        ArticleDetailView view = _get(ArticleDetailView.class);
        assertThat(GridKt._fetch(view.balances, 0, 10)).hasSize(1);
        _assertNone(Button.class, spec -> spec.withText("Editar"));
        _assertNone(Button.class, spec -> spec.withText("Archivar"));
        _assertNone(Button.class, spec -> spec.withText("Eliminar"));
        _assertNone(ArticlePictureUpload.class);
    }

    @Test
    void a_user_without_article_read_permission_is_refused_the_page() {
        String role = "det-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 30), 36);
        roles.createRole(new RoleDraft(role, "Prueba " + role, null, Set.of("users.read")));
        String email = role + "@demo.nexo";
        users.createUser(
                new NewUser(email, "Prueba " + role, ActorType.EMPLOYEE, null, Set.of(role), "Prueba-2026!", null));

        switchUser(email);

        assertThatThrownBy(() -> UI.getCurrent().navigate("articles/" + id))
                .hasRootCauseInstanceOf(AccessDeniedException.class);
    }

    @Test
    void an_unknown_or_malformed_id_shows_the_not_found_page_in_the_users_language() {
        UI.getCurrent().navigate("articles/" + UUID.randomUUID());
        _assertNone(ArticleDetailView.class);
        _get(NotFoundView.class);
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Página no encontrada");

        UI.getCurrent().navigate("articles/not-an-id");
        _assertNone(ArticleDetailView.class);
    }

    @Test
    void the_timeline_names_a_new_category_and_formats_a_new_price_as_the_page_does() {
        String categoryCode = "KDC-" + code.substring(3);
        UUID category = categories.createCategory(null, categoryCode, "Grifería " + code, "Taps " + code);
        ArticleForm before = articles.getForm(id);
        articles.update(new ArticleForm(
                        before.code(),
                        before.kind(),
                        before.nameEs(),
                        before.nameEn(),
                        before.descriptionEs(),
                        before.descriptionEn(),
                        category,
                        before.unitId(),
                        before.barcode(),
                        new BigDecimal("16.40"),
                        before.cost(),
                        before.taxRate(),
                        before.defaultSupplierId(),
                        before.stockTracked())
                .withIdentity(id, before.version()));

        open();

        ArticleDetailView view = _get(ArticleDetailView.class);
        assertThat(view.getElement().getTextRecursively()).contains(categoryCode + " · Grifería " + code);
        assertThat(view.timeline.getElement().getTextRecursively())
                .contains(
                        "Categoría",
                        categoryCode + " · Grifería " + code,
                        "Precio de venta",
                        "14,50\u00a0€ → 16,40\u00a0€");
    }

    @Test
    void one_render_of_the_page_reads_everything_it_shows_in_one_service_call_and_one_transaction() {
        List<String> begun = new CopyOnWriteArrayList<>();
        TransactionExecutionListener counter = new TransactionExecutionListener() {
            @Override
            public void afterBegin(TransactionExecution transaction, Throwable beginFailure) {
                begun.add(transaction.getTransactionName());
            }
        };
        ConfigurableTransactionManager manager = (ConfigurableTransactionManager) transactions;
        manager.addListener(counter);
        ArticleDetailView view;
        try {
            open();
            view = _get(ArticleDetailView.class);
            // What the grids show came with the page: fetching their rows reads nothing more.
            GridKt._fetch(view.balances, 0, 10);
            GridKt._fetch(view.movements, 0, 10);
        } finally {
            manager.getTransactionExecutionListeners().remove(counter);
        }

        assertThat(begun.stream().filter(name -> name.startsWith("com.nexo.articles")))
                .containsExactly(ArticlePageService.class.getName() + ".page");
        assertThat(view.getElement().getTextRecursively())
                .contains("Válvula de bola " + code, "14,50", "Controla existencias", "ud · unidad");
        assertThat(_get(view, Anchor.class, spec -> spec.withClasses("article-supplier"))
                        .getText())
                .isNotBlank();
        assertThat(GridKt._getFormattedRow(view.balances, 0)).contains("10 ud");
        assertThat(GridKt._getFormattedRow(view.movements, 0)).contains("Pedido 9");
        assertThat(view.timeline.getElement().getTextRecursively()).contains("creó el artículo");
    }

    private void open() {
        UI.getCurrent().navigate(ArticleDetailView.class, ArticleDetailView.parameters(id));
    }
}
