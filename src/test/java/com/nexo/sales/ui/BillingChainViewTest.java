package com.nexo.sales.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.nexo.sales.SalesFixtures;
import com.nexo.sales.verifactu.BillingRecord;
import com.nexo.sales.verifactu.BillingRecords;
import com.nexo.sales.verifactu.InvoiceFacts;
import com.nexo.security.UserService;
import com.nexo.security.UserService.NewUser;
import com.nexo.shell.ui.DashboardView;
import com.nexo.tenancy.ActorType;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.internal.JacksonUtils;
import com.vaadin.flow.internal.nodefeature.ElementListenerMap;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.shared.JsonConstants;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.node.ObjectNode;

class BillingChainViewTest extends KaribuTest {

    private static final List<String> HEADERS =
            List.of("Nº", "Factura", "Fecha de expedición", "Importe total", "Generado", "Huella", "Envío");

    @Autowired
    private BillingRecords records;

    @Autowired
    private UserService users;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Autowired
    private JdbcClient jdbc;

    @Test
    void sales_staff_see_the_newest_record_first_and_verify_the_chain() {
        login("ventas@demo.nexo");
        String number = "V" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        issue(number);

        UI.getCurrent().navigate(BillingChainView.class);

        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Registros de facturación");
        BillingRecord newest = GridKt._get(grid(), 0);
        assertThat(newest.invoiceNumber()).isEqualTo(number);
        assertThat(GridKt._getCellComponent(grid(), 0, "invoice").getElement().getTextRecursively())
                .contains(number)
                .contains("Alta");
        assertThat(GridKt._getFormattedRow(grid(), 0))
                .contains(newest.fingerprint().substring(0, 12) + "…", "No enviado");

        Button verify = _get(Button.class, spec -> spec.withText("Verificar cadena"));
        verify.click();

        Paragraph result = _get(Paragraph.class);
        assertThat(result.getText()).startsWith("La cadena es correcta:").contains("registros comprobados");
        assertThat(result.getElement().getAttribute("data-outcome")).isEqualTo("ok");
    }

    @Test
    void read_only_staff_see_the_records_without_the_verification_and_others_are_refused() {
        login("consulta@demo.nexo");
        UI.getCurrent().navigate(BillingChainView.class);
        assertThat(_get(BillingChainView.class).verify.isVisible()).isFalse();

        UI.getCurrent().navigate(DashboardView.class);
        login("admin@demo.nexo");
        String email = "compras-" + UUID.randomUUID().toString().substring(0, 8) + "@demo.nexo";
        users.createUser(new NewUser(
                email, "Compras Sin Ventas", ActorType.EMPLOYEE, null, Set.of("purchasing"), "Prueba-2026!", null));
        switchUser(email);
        UI.getCurrent().navigate(DashboardView.class);
        assertThat(_get(SideNav.class).getItems())
                .extracting(SideNavItem::getPath)
                .doesNotContain("sales/billing-chain");
        assertThatThrownBy(() -> UI.getCurrent().navigate(BillingChainView.class))
                .hasRootCauseInstanceOf(AccessDeniedException.class);
    }

    @Test
    void on_a_tablet_the_list_keeps_the_place_the_invoice_its_total_and_when() {
        login("ventas@demo.nexo");
        UI.getCurrent().navigate(DashboardView.class);
        assertThat(_get(SideNav.class).getItems())
                .extracting(SideNavItem::getPath)
                .contains("sales/billing-chain");
        UI.getCurrent().navigate(BillingChainView.class);
        // The browser first reports its window (Karibu's, answering at the next look-up, is wide)...
        assertThat(visibleColumnHeaders()).containsExactlyElementsOf(HEADERS);

        // ...then the window changes size.
        resizeWindow(768, 1024);
        assertThat(visibleColumnHeaders()).containsExactly("Nº", "Factura", "Importe total", "Generado");

        resizeWindow(1280, 800);
        assertThat(visibleColumnHeaders()).containsExactlyElementsOf(HEADERS);
    }

    private void issue(String number) {
        new TransactionTemplate(transactionManager)
                .executeWithoutResult(status -> records.recordIssued(new InvoiceFacts(
                        SalesFixtures.draftInvoices(jdbc, 1).getFirst(),
                        "B12345674",
                        "Demo Comercial, S.L.",
                        number,
                        LocalDate.of(2026, 12, 2),
                        "F1",
                        "Pantalla de registros",
                        "B00000034",
                        "Cliente de Prueba, S.A.",
                        null,
                        List.of(),
                        new BigDecimal("21.00"),
                        new BigDecimal("121.00"),
                        null,
                        null)));
    }

    /** What the browser reports when its window changes size (Vaadin's "window-resize" event). */
    private static void resizeWindow(int width, int height) {
        UI ui = UI.getCurrent();
        ObjectNode size = JacksonUtils.createObjectNode();
        size.put("event.w", width);
        size.put("event.h", height);
        size.put(JsonConstants.EVENT_DATA_PHASE, JsonConstants.EVENT_PHASE_TRAILING);
        size.put(ElementListenerMap.ALWAYS_TRUE_FILTER, true);
        ui.getElement()
                .getNode()
                .getFeature(ElementListenerMap.class)
                .fireEvent(new DomEvent(ui.getElement(), "window-resize", size));
    }

    private static List<String> visibleColumnHeaders() {
        return Stream.of(HEADERS.toArray(String[]::new))
                .filter(header -> GridKt._getColumnByHeader(grid(), header).isVisible())
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Grid<BillingRecord> grid() {
        return _get(Grid.class);
    }
}
