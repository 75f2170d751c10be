package com.nexo.purchasing.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.purchasing.PurchaseOrderFixture;
import com.nexo.purchasing.documents.PurchaseSettings;
import com.nexo.purchasing.documents.PurchaseSettingsService;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AccessDeniedException;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The purchasing settings screen and the lists' "new" buttons on the real database: the settings
 * saved and read back, wrong values shown on their fields, a save over someone else's newer settings
 * explained; without purchasing.settings the screen is refused and not in the menu; "new" is only on
 * the order and RFQ lists.
 */
class PurchaseSettingsViewTest extends KaribuTest {

    @Autowired
    private PurchaseSettingsService settings;

    private PurchaseScreenFixtures users;

    @BeforeEach
    void users() {
        users = new PurchaseScreenFixtures(context);
    }

    @Test
    void the_settings_are_saved_wrong_values_are_shown_and_a_newer_save_is_explained() {
        login(users.approver);
        UI.getCurrent().navigate("purchasing/settings");
        PurchaseSettingsView view = _get(PurchaseSettingsView.class);
        assertThat(view.getPageTitle()).isEqualTo("Ajustes de compras");

        view.threshold.setValue(new BigDecimal("-5"));
        view.tolerance.setValue(new BigDecimal("120"));
        view.save.click();
        assertThat(view.threshold.isInvalid()).isTrue();
        assertThat(view.threshold.getErrorMessage()).isEqualTo("El importe de aprobación no puede ser negativo.");
        assertThat(view.tolerance.getErrorMessage()).isEqualTo("La tolerancia de precio debe estar entre 0 y 100 %.");
        view.tolerance.clear();
        view.threshold.setValue(new BigDecimal("1500"));
        view.save.click();
        assertThat(view.tolerance.getErrorMessage()).isEqualTo("Indica la tolerancia (0 si no se admite ninguna).");

        view.tolerance.setValue(new BigDecimal("2.5"));
        view.save.click();
        expectNotifications("Ajustes de compras guardados.");
        PurchaseSettings saved = users.as(users.approver, settings::settings);
        assertThat(saved.approvalThreshold()).isEqualByComparingTo("1500");
        assertThat(saved.priceTolerance()).isEqualByComparingTo("2.5");

        // Someone else saves meanwhile: this screen's save is refused and explained.
        users.as(
                PurchaseOrderFixture.ADMIN,
                () -> settings.save(new PurchaseSettings(null, BigDecimal.ONE, saved.version())));
        view.tolerance.setValue(new BigDecimal("3"));
        view.save.click();
        expectNotifications(
                "Otra persona ha cambiado este documento mientras lo tenías abierto. Vuelve a abrirlo para ver sus cambios.");
        assertThat(view.conflict.isShown()).isTrue();
        assertThat(users.as(users.approver, settings::settings).priceTolerance())
                .isEqualByComparingTo("1");
        users.as(PurchaseOrderFixture.ADMIN, () -> {
            PurchaseSettings now = settings.settings();
            return settings.save(new PurchaseSettings(null, BigDecimal.ZERO, now.version()));
        });
    }

    @Test
    void the_lists_offer_new_order_and_new_rfq_to_who_may_create_and_the_settings_only_with_the_permission() {
        login(users.buyer);
        UI.getCurrent().navigate(PurchaseRoutes.ORDERS);
        PurchaseListView orders = _get(PurchaseListOrdersView.class);
        assertThat(orders.newDocument.getText()).isEqualTo("Nuevo pedido");
        orders.newDocument.click();
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("purchasing/orders/new");
        UI.getCurrent().navigate(PurchaseRoutes.RFQS);
        PurchaseListView rfqs = _get(PurchaseListRfqsView.class);
        assertThat(rfqs.newDocument.getText()).isEqualTo("Nueva solicitud de oferta");
        rfqs.newDocument.click();
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("purchasing/rfqs/new");
        UI.getCurrent().navigate(PurchaseRoutes.BILLS);
        assertThat(_get(PurchaseListBillsView.class).newDocument).isNull();

        assertThat(_get(SideNav.class).getItems())
                .extracting(SideNavItem::getPath)
                .as("the buyer has no purchasing.settings")
                .doesNotContain("purchasing/settings");
        assertThatThrownBy(() -> UI.getCurrent().navigate("purchasing/settings"))
                .hasRootCauseInstanceOf(AccessDeniedException.class);
    }
}
